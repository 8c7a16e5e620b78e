package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.AdverseEventAwareness;
import kr.complaintdesk.platform.engine.FormDates;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The facts the {@code compensation-policy} decision reads, built from the case variables: numbers as doubles
 * (an amount nobody recorded is 0, so a rule can compare it), dates turned into days up to {@code today}
 * (null when the date is unknown, so the table can tell "not known" from "too late").
 */
public final class CompensationFacts {

  // Recorded at first contact
  /** The day the customer received the goods (for a store purchase, the day of purchase), {@code YYYY-MM-DD}. */
  public static final String DELIVERED_ON = "deliveredOn";
  /** The day the customer noticed (or could have noticed) that the goods are not as described, {@code YYYY-MM-DD}. */
  public static final String DEFECT_NOTICED_ON = "defectNoticedOn";
  /** Whether the customer used the goods; the first-contact form's radio stores {@code "true"} or {@code "false"}. */
  public static final String PRODUCT_USED = "productUsed";
  /** {@code SLIGHT}: a slight defect, the product still usable; {@code SERIOUS}: not usable as it should be. */
  public static final String DEFECT_SEVERITY = "defectSeverity";
  /** The value of the goods the complaint is about; the order value stands in when it is not recorded. */
  public static final String GOODS_VALUE = "goodsValue";
  /** Customs duties and VAT the customer paid on a purchase-agency order. */
  public static final String DUTIES_KRW = "dutiesKrw";
  public static final String AGENCY_FEE_KRW = "agencyFeeKrw";
  // Recorded by care (visit report, recovery check), as totals so far
  /** Costs of the harm besides treatment (transport to hospital and the like). */
  public static final String EXPENSES_KRW = "expensesKrw";
  /** Income lost through the harm, as far as the customer proved it. */
  public static final String LOST_INCOME_KRW = "lostIncomeKrw";
  /** Days the customer could not work; paid at the market daily wage when no income is proven. */
  public static final String LOST_WORK_DAYS = "lostWorkDays";
  // Written by the safety lab's verdict and the analysis conclusion
  public static final String PRODUCT_CAUSATION = "productCausation";
  // Computed here for the decision
  public static final String DAYS_SINCE_DELIVERY = "daysSinceDelivery";
  /** Days since the customer knew of the problem: the adverse event for harm, the noticed defect otherwise. */
  public static final String DAYS_SINCE_AWARENESS = "daysSinceAwareness";

  static final List<String> TEXTS = List.of(CATEGORY, PRODUCT_CAUSATION, COMPANY_FAULT, ROOT_CAUSE, DEFECT_SEVERITY);
  static final List<String> FLAGS = List.of(DERMATOLOGIST_DIAGNOSIS, PURCHASE_AGENCY, PRODUCT_USED);
  /** Amounts (and the count of lost work days) the table compares or adds up: 0 when nobody recorded them. */
  static final List<String> AMOUNTS = List.of(ORDER_VALUE, DUTIES_KRW, AGENCY_FEE_KRW, TREATMENT_COST_TOTAL,
      EXPENSES_KRW, LOST_INCOME_KRW, LOST_WORK_DAYS, FREIGHT_KRW);

  private CompensationFacts() {}

  /** Every input of {@code compensation-policy}, read from {@code scope} and counted up to {@code today}. */
  public static VariableMap inputs(VariableScope scope, LocalDate today) {
    VariableMap inputs = Variables.createVariables();
    TEXTS.forEach(name -> inputs.put(name, string(scope, name)));
    FLAGS.forEach(name -> inputs.put(name, flag(scope.getVariable(name))));
    AMOUNTS.forEach(name -> inputs.put(name, orZero(scope, name)));
    double goodsValue = orZero(scope, GOODS_VALUE);
    inputs.put(GOODS_VALUE, goodsValue > 0 ? goodsValue : inputs.get(ORDER_VALUE));
    inputs.put(DELAY_DAYS, number(scope, DELAY_DAYS));
    LocalDate awareOn = harm(string(scope, CATEGORY)) ? AdverseEventAwareness.of(scope)
        : FormDates.date(DEFECT_NOTICED_ON, scope.getVariable(DEFECT_NOTICED_ON));
    inputs.put(DAYS_SINCE_DELIVERY, daysBetween(FormDates.date(DELIVERED_ON, scope.getVariable(DELIVERED_ON)), today));
    inputs.put(DAYS_SINCE_AWARENESS, daysBetween(awareOn, today));
    return inputs;
  }

  /** Whole days from {@code from} to {@code today}; null when the day is unknown or lies after today (a typo). */
  static Double daysBetween(LocalDate from, LocalDate today) {
    return from == null || from.isAfter(today) ? null : (double) ChronoUnit.DAYS.between(from, today);
  }

  /** A checkbox's boolean, or a radio's {@code "true"}/{@code "false"} (unanswered stays null: not known). */
  static Boolean flag(Object value) {
    if (value instanceof Boolean answer) {
      return answer;
    }
    return "true".equals(value) || "false".equals(value) ? Boolean.valueOf((String) value) : null;
  }

  static double orZero(VariableScope scope, String name) {
    Double value = number(scope, name);
    return value == null ? 0d : value;
  }

  static Double number(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Number value ? value.doubleValue() : null;
  }

  private static boolean harm(String category) {
    return category != null && Category.valueOf(category).isHarm();
  }
}
