package kr.complaintdesk.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.File;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.complaintdesk.support.DecisionTableFile;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/** The facts {@code compensation-policy} reads, built from case variables as forms and listeners leave them. */
class CompensationFactsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  final Map<String, Object> variables = new HashMap<>();

  VariableMap inputs() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return CompensationFacts.inputs(scope, TODAY);
  }

  @Test
  void aCaseWithNothingRecordedHasZeroAmountsAndUnknownDays() {
    variables.put("category", "PRODUCT_DEFECT");

    VariableMap inputs = inputs();

    assertThat(inputs).contains(entry("category", "PRODUCT_DEFECT"), entry("goodsValue", 0d), entry("orderValue", 0d),
        entry("dutiesKrw", 0d), entry("agencyFeeKrw", 0d), entry("treatmentCostTotal", 0d), entry("expensesKrw", 0d),
        entry("lostIncomeKrw", 0d), entry("lostWorkDays", 0d), entry("freightKrw", 0d));
    assertThat(inputs).containsEntry("daysSinceDelivery", null).containsEntry("daysSinceAwareness", null)
        .containsEntry("delayDays", null).containsEntry("productUsed", null).containsEntry("purchaseAgency", null)
        .containsEntry("productCausation", null).containsEntry("defectSeverity", null);
  }

  @Test
  void numbersBecomeDoublesAndTheOrderValueStandsInForAnUnrecordedGoodsValue() {
    variables.putAll(Map.of("category", "TRANSIT_DAMAGE", "orderValue", 320_000L, "treatmentCostTotal", 70_000L,
        "dutiesKrw", 48_000, "agencyFeeKrw", 20_000L, "lostWorkDays", 3L, "delayDays", 4L, "freightKrw", 4_000L,
        "purchaseAgency", true));

    VariableMap inputs = inputs();

    assertThat(inputs).contains(entry("goodsValue", 320_000d), entry("orderValue", 320_000d), entry("dutiesKrw", 48_000d),
        entry("agencyFeeKrw", 20_000d), entry("treatmentCostTotal", 70_000d), entry("lostWorkDays", 3d),
        entry("delayDays", 4d), entry("freightKrw", 4_000d), entry("purchaseAgency", true));
  }

  @Test
  void aRecordedGoodsValueWinsOverTheOrderValue() {
    variables.putAll(Map.of("category", "PRODUCT_DEFECT", "orderValue", 90_000L, "goodsValue", 45_000L));

    assertThat(inputs()).containsEntry("goodsValue", 45_000d).containsEntry("orderValue", 90_000d);
  }

  @Test
  void goodsCountTheirDaysFromDeliveryAndFromTheNoticedDefect() {
    variables.putAll(Map.of("category", "WRONG_ITEM", "deliveredOn", "2026-11-23", "defectNoticedOn", "2026-11-30",
        "adverseEventKnownOn", "2026-01-01", "productUsed", false, "defectSeverity", "SLIGHT"));

    assertThat(inputs()).contains(entry("daysSinceDelivery", 7d), entry("daysSinceAwareness", 0d),
        entry("productUsed", false), entry("defectSeverity", "SLIGHT"));
  }

  @Test
  void theFirstContactFormsUsageAnswerBecomesABoolean() {
    variables.putAll(Map.of("category", "PRODUCT_DEFECT", "productUsed", "false", "purchaseAgency", false));
    assertThat(inputs()).containsEntry("productUsed", false).containsEntry("purchaseAgency", false);

    variables.put("productUsed", "true");
    assertThat(inputs()).containsEntry("productUsed", true);

    variables.put("productUsed", "");
    assertThat(inputs()).containsEntry("productUsed", null);
  }

  @Test
  void harmCountsAwarenessFromTheAdverseEventNotFromANoticedDefect() {
    variables.putAll(Map.of("category", "HEALTH_HARM", "adverseEventKnownOn", "2026-10-31", "defectNoticedOn", "2026-11-29",
        "productCausation", "NOT_RELATED", "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE",
        "dermatologistDiagnosis", true));

    assertThat(inputs()).contains(entry("daysSinceAwareness", 30d), entry("productCausation", "NOT_RELATED"),
        entry("companyFault", "NO"), entry("rootCause", "CUSTOMER_MISUSE"), entry("dermatologistDiagnosis", true));
  }

  @Test
  void aDayAfterTodayCountsAsUnknown() {
    variables.putAll(Map.of("category", "WRONG_ITEM", "deliveredOn", "2026-12-01", "defectNoticedOn", "2026-11-30"));

    assertThat(inputs()).containsEntry("daysSinceDelivery", null).containsEntry("daysSinceAwareness", 0d);
  }

  static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "if", "then", "else", "null", "true", "false", "min");

  /** Every variable the table's input expressions and amount formulas read is among the inputs built here. */
  @Test
  void everyVariableTheTableReadsIsBuilt() {
    variables.put("category", "OTHER");
    var model = Dmn.readModelFromFile(new File(DecisionTableFile.of("compensation-policy").file()));
    StringBuilder expressions = new StringBuilder();
    model.getModelElementsByType(InputExpression.class).forEach(e -> expressions.append(e.getText().getTextContent()).append(' '));
    model.getModelElementsByType(OutputEntry.class).forEach(e -> expressions.append(e.getText().getTextContent()).append(' '));
    String feel = expressions.toString().replaceAll("\"[^\"]*\"", " ");

    VariableMap inputs = inputs();
    Matcher names = Pattern.compile("\\b[a-z][A-Za-z]+\\b").matcher(feel);
    while (names.find()) {
      String name = names.group();
      if (!FEEL_WORDS.contains(name)) {
        assertThat(inputs).as("inputs built for the table's %s", name).containsKey(name);
      }
    }
  }
}
