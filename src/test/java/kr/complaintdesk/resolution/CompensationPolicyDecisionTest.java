package kr.complaintdesk.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.Remedy;
import kr.complaintdesk.support.DecisionTableFile;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The remedies suggested for an offer ({@code processes/compensation-policy.dmn}, COLLECT: every matching
 * rule is a suggestion), evaluated by a standalone DMN engine with the inputs {@link SuggestRemediesDelegate}
 * passes (numbers as doubles). Each example states the exact set of suggestions: remedy, amount and the
 * source its basis names (소비자분쟁해결기준, 전자상거래법, 제조물 책임법, 정보통신망법 or company policy). A
 * rule without an example fails {@link #everyRuleIsExercisedByAnExample()}.
 */
class CompensationPolicyDecisionTest {

  static final String DECISION_KEY = "compensation-policy";
  static final String DISPUTE_STANDARDS = "소비자분쟁해결기준";
  static final String ECOMMERCE_ACT = "전자상거래법";
  static final String PRODUCT_LIABILITY_ACT = "제조물 책임법";
  static final String NETWORK_ACT = "정보통신망법";
  static final String COMPANY_POLICY = "회사 정책";
  static final String THREE_BUSINESS_DAYS = "3영업일";

  static DecisionTableFile table;

  /** The decision's inputs and the variables its amount expressions use, as the delegate passes them. */
  record Facts(Category category, Boolean dermatologistDiagnosis, Boolean purchaseAgency, Boolean declaredValueOnWaybill,
      Double orderValue, Double treatmentCostTotal, Double delayDays, Double freightKrw) {

    Facts diagnosis(Boolean value) {
      return new Facts(category, value, purchaseAgency, declaredValueOnWaybill, orderValue, treatmentCostTotal, delayDays, freightKrw);
    }

    Facts purchaseAgency(Boolean value) {
      return new Facts(category, dermatologistDiagnosis, value, declaredValueOnWaybill, orderValue, treatmentCostTotal, delayDays, freightKrw);
    }

    Facts declaredValue(Boolean value) {
      return new Facts(category, dermatologistDiagnosis, purchaseAgency, value, orderValue, treatmentCostTotal, delayDays, freightKrw);
    }

    Facts orderValue(Double won) {
      return new Facts(category, dermatologistDiagnosis, purchaseAgency, declaredValueOnWaybill, won, treatmentCostTotal, delayDays, freightKrw);
    }

    Facts treatmentCosts(Double won) {
      return new Facts(category, dermatologistDiagnosis, purchaseAgency, declaredValueOnWaybill, orderValue, won, delayDays, freightKrw);
    }

    Facts delay(Double days, Double freight) {
      return new Facts(category, dermatologistDiagnosis, purchaseAgency, declaredValueOnWaybill, orderValue, treatmentCostTotal, days, freight);
    }

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("category", category.name())
          .putValue("dermatologistDiagnosis", dermatologistDiagnosis)
          .putValue("purchaseAgency", purchaseAgency)
          .putValue("declaredValueOnWaybill", declaredValueOnWaybill)
          .putValue("orderValue", orderValue)
          .putValue("treatmentCostTotal", treatmentCostTotal)
          .putValue("delayDays", delayDays)
          .putValue("freightKrw", freightKrw);
    }
  }

  /** One expected suggestion: the remedy, its amount (null: the agent decides) and what its basis must name. */
  record Suggestion(Remedy remedy, Double amountKrw, List<String> basisNames) {}

  record Example(Facts facts, List<Suggestion> expected) {}

  static Facts facts(Category category) {
    return new Facts(category, null, null, null, null, null, null, null);
  }

  static Suggestion suggest(Remedy remedy, Number amountKrw, String... basisNames) {
    return new Suggestion(remedy, amountKrw == null ? null : amountKrw.doubleValue(), List.of(basisNames));
  }

  static Named<Example> example(String name, Facts facts, Suggestion... expected) {
    return Named.of(name, new Example(facts, List.of(expected)));
  }

  static List<Named<Example>> examples() {
    return List.of(
        // Cosmetics side effects (rules 1-3): treatment costs only with a dermatologist's diagnosis.
        example("피부 부작용, 피부과 진단, 치료비 18만 원 → 치료비 180,000 (side effect with diagnosis)",
            facts(Category.HEALTH_HARM).diagnosis(true).orderValue(39_000.0).treatmentCosts(180_000.0),
            suggest(Remedy.TREATMENT_COSTS, 180_000, DISPUTE_STANDARDS, "피부과 전문의", "일실소득")),
        example("피부 부작용, 진단 있음, 영수증 아직 없음 → 치료비, 금액은 상담원이 (diagnosis, no receipts yet)",
            facts(Category.HEALTH_HARM).diagnosis(true),
            suggest(Remedy.TREATMENT_COSTS, null, DISPUTE_STANDARDS, "피부과 전문의")),
        example("피부 부작용, 진단 없음 → 구입가 환급 39,000 또는 교환 (side effect without diagnosis)",
            facts(Category.HEALTH_HARM).diagnosis(false).orderValue(39_000.0).treatmentCosts(50_000.0),
            suggest(Remedy.REFUND, 39_000, DISPUTE_STANDARDS, ECOMMERCE_ACT, THREE_BUSINESS_DAYS),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS)),
        example("피부 부작용, 진단 여부 미기록 → 진단 없음과 같이 환급·교환 (diagnosis not recorded)",
            facts(Category.HEALTH_HARM).orderValue(25_000.0),
            suggest(Remedy.REFUND, 25_000, DISPUTE_STANDARDS, ECOMMERCE_ACT, THREE_BUSINESS_DAYS),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS)),
        // Injury by a product defect (rules 4-5).
        example("립스틱 로고 조각에 손가락 베임, 치료비 7만 원 → 치료비 70,000과 교환 (cut by a lipstick logo piece)",
            facts(Category.INJURY).orderValue(32_000.0).treatmentCosts(70_000.0),
            suggest(Remedy.TREATMENT_COSTS, 70_000, PRODUCT_LIABILITY_ACT, "제3조"),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS)),
        example("신체 상해, 진단 여부와 무관 → 치료비(금액 미정)와 교환 (injury regardless of a dermatologist)",
            facts(Category.INJURY).diagnosis(false),
            suggest(Remedy.TREATMENT_COSTS, null, PRODUCT_LIABILITY_ACT),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS)),
        // Foreign matter, spoilage, short volume, container fault (rules 6-7).
        example("휴대폰 케이스 금형 불량 → 교환 또는 환급 15,000 (mould fault: exchange or refund)",
            facts(Category.PRODUCT_DEFECT).orderValue(15_000.0),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS, "이물", "변질", "용량 부족"),
            suggest(Remedy.REFUND, 15_000, DISPUTE_STANDARDS, ECOMMERCE_ACT, THREE_BUSINESS_DAYS)),
        example("제품 하자, 구매대행, 주문 금액 없음 → 교환·환급, 금액은 상담원이 (defect via purchase agency, no order value)",
            facts(Category.PRODUCT_DEFECT).purchaseAgency(true),
            suggest(Remedy.EXCHANGE, null, DISPUTE_STANDARDS),
            suggest(Remedy.REFUND, null, DISPUTE_STANDARDS, THREE_BUSINESS_DAYS)),
        // Transit damage or wrong item, own shipment (rules 8-9).
        example("배송 중 파손, 자사 배송 → 교환 또는 환급 89,000 (transit damage, own shipment)",
            facts(Category.TRANSIT_DAMAGE).purchaseAgency(false).orderValue(89_000.0),
            suggest(Remedy.EXCHANGE, null, ECOMMERCE_ACT, "제17조 제3항"),
            suggest(Remedy.REFUND, 89_000, ECOMMERCE_ACT, "제18조", THREE_BUSINESS_DAYS)),
        example("오배송 → 교환 또는 환급 54,000, 반품비 회사 부담 (wrong item)",
            facts(Category.WRONG_ITEM).orderValue(54_000.0),
            suggest(Remedy.EXCHANGE, null, ECOMMERCE_ACT, "회사 부담"),
            suggest(Remedy.REFUND, 54_000, ECOMMERCE_ACT, THREE_BUSINESS_DAYS)),
        // Overseas purchase agency (rules 10-11).
        example("구매대행 운동화 배송 중 파손 → 환급 320,000과 재확보·재발송 (purchase agency sneakers damaged)",
            facts(Category.TRANSIT_DAMAGE).purchaseAgency(true).orderValue(320_000.0),
            suggest(Remedy.REFUND, 320_000, DISPUTE_STANDARDS, "해외구매대행", "관·부가세", "수수료"),
            suggest(Remedy.RESOURCING, null, COMPANY_POLICY)),
        example("구매대행 한정판 피규어 분실, 운송장 가액 없음 → 50만 원 한도 없이 환급 800,000 (purchase agency loss)",
            facts(Category.LOST_PARCEL).purchaseAgency(true).declaredValue(false).orderValue(800_000.0),
            suggest(Remedy.REFUND, 800_000, DISPUTE_STANDARDS, "해외구매대행", "관·부가세", "수수료")),
        // Parcel loss (rules 12-13): 500,000 won cap without a declared value.
        example("택배 분실, 가액 미기재, 499,999원 → 499,999 (below the cap)",
            facts(Category.LOST_PARCEL).declaredValue(false).orderValue(499_999.0),
            suggest(Remedy.REFUND, 499_999, DISPUTE_STANDARDS, "택배", "50만 원")),
        example("택배 분실, 가액 미기재, 500,000원 → 500,000 (exactly the cap)",
            facts(Category.LOST_PARCEL).declaredValue(false).orderValue(500_000.0),
            suggest(Remedy.REFUND, 500_000, DISPUTE_STANDARDS, "50만 원")),
        example("택배 분실, 가액 미기재, 800,000원 → 한도 500,000 (capped)",
            facts(Category.LOST_PARCEL).declaredValue(false).purchaseAgency(false).orderValue(800_000.0),
            suggest(Remedy.REFUND, 500_000, DISPUTE_STANDARDS, "50만 원")),
        example("택배 분실, 가액 기재 여부 미기록, 금액 없음 → 금액은 상담원이 (nothing recorded)",
            facts(Category.LOST_PARCEL),
            suggest(Remedy.REFUND, null, DISPUTE_STANDARDS, "50만 원")),
        example("택배 분실, 운송장 가액 기재, 800,000원 → 800,000 (declared value: no cap)",
            facts(Category.LOST_PARCEL).declaredValue(true).orderValue(800_000.0),
            suggest(Remedy.REFUND, 800_000, DISPUTE_STANDARDS, "운송장에 적힌 가액")),
        // Delivery delay (rule 14): days late × freight × 50%, at most 200% of the freight.
        example("배송 3일 지연, 운임 4,000원 → 3 × 4,000 × 50% = 6,000 (three days late)",
            facts(Category.DELIVERY_DELAY).delay(3.0, 4_000.0),
            suggest(Remedy.COUPON, 6_000, DISPUTE_STANDARDS, "50%", "200%")),
        example("배송 4일 지연, 운임 4,000원 → 8,000, 한도와 같음 (four days: exactly the 200% cap)",
            facts(Category.DELIVERY_DELAY).delay(4.0, 4_000.0),
            suggest(Remedy.COUPON, 8_000, DISPUTE_STANDARDS)),
        example("배송 10일 지연, 운임 4,000원 → 운임의 200% 한도 8,000 (ten days: capped)",
            facts(Category.DELIVERY_DELAY).delay(10.0, 4_000.0),
            suggest(Remedy.COUPON, 8_000, DISPUTE_STANDARDS)),
        example("배송 지연, 운임 모름 → 금액은 상담원이 (freight unknown)",
            facts(Category.DELIVERY_DELAY).delay(3.0, null),
            suggest(Remedy.COUPON, null, DISPUTE_STANDARDS)),
        example("배송 지연, 지연 일수 모름 → 금액은 상담원이 (days late unknown)",
            facts(Category.DELIVERY_DELAY).delay(null, 4_000.0),
            suggest(Remedy.COUPON, null, DISPUTE_STANDARDS)),
        // No statutory standard (rules 15-19).
        example("통관 지연 → 사과와 약속한 시각에 재연락 (customs delay)",
            facts(Category.CUSTOMS_DELAY).purchaseAgency(true).orderValue(120_000.0),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY, "법정 배상 기준이 없음")),
        example("서비스 불만, SNS 비난 → 사과와 쿠폰 5,000 (service complaint)",
            facts(Category.SERVICE).orderValue(45_000.0),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY),
            suggest(Remedy.COUPON, 5_000, COMPANY_POLICY)),
        example("수신 거부했는데 광고가 계속 옴 → 모든 연락처에 수신 거부 반영과 사과 (opted out, still receiving)",
            facts(Category.UNWANTED_CONTACT),
            suggest(Remedy.APOLOGY, null, NETWORK_ACT, "제50조", "모든 연락처")),
        example("기타 불만 → 사실 확인과 사과 (other complaint)",
            facts(Category.OTHER).orderValue(10_000.0),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY, "법정 기준 없음")));
  }

  @BeforeAll
  static void readTable() {
    table = DecisionTableFile.of(DECISION_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGetExactlyTheirSuggestions(Example example) {
    Map<Remedy, Map<String, Object>> rows = suggestionsFor(example.facts());

    assertThat(rows.keySet()).as("remedies suggested for %s", example.facts())
        .containsExactlyInAnyOrderElementsOf(example.expected().stream().map(Suggestion::remedy).toList());
    SoftAssertions softly = new SoftAssertions();
    for (Suggestion expected : example.expected()) {
      Map<String, Object> row = rows.get(expected.remedy());
      softly.assertThat((Double) row.get("amountKrw")).as("amount of %s for %s", expected.remedy(), example.facts())
          .isEqualTo(expected.amountKrw());
      softly.assertThat((String) row.get("basis")).as("basis of %s for %s", expected.remedy(), example.facts())
          .contains(expected.basisNames());
    }
    softly.assertAll();
  }

  @Test
  void everyRuleIsExercisedByAnExample() {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    for (Named<Example> named : examples()) {
      fresh.evaluate(named.getPayload().facts().variables());
    }

    assertThat(fresh.matchedRuleIds())
        .as("rules of %s matched by the examples; a rule without an example needs one in examples()", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @ParameterizedTest(name = "{0} gets at least one suggestion, each an offerable remedy with a basis")
  @EnumSource(Category.class)
  void everyCategoryOfTheSopGetsASuggestionWithItsBasis(Category category) {
    for (Facts facts : List.of(facts(category), facts(category).diagnosis(false).purchaseAgency(false)
        .declaredValue(false).orderValue(50_000.0).treatmentCosts(0.0).delay(1.0, 3_000.0))) {
      DmnDecisionTableResult result = table.evaluate(facts.variables());
      assertThat(result).as("suggestions for %s", facts).isNotEmpty();
      for (Map<String, Object> row : result.getResultList()) {
        assertThat(Arrays.stream(Remedy.values()).map(Remedy::name)).as("remedy of %s", facts).contains((String) row.get("remedy"));
        assertThat((String) row.get("basis")).as("basis of %s for %s", row.get("remedy"), facts).isNotBlank();
      }
    }
  }

  @ParameterizedTest(name = "dermatologistDiagnosis={0}")
  @ValueSource(booleans = {false, true})
  void treatmentCostsForASideEffectOnlyWithADermatologistsDiagnosis(boolean diagnosis) {
    for (Boolean agency : Arrays.asList(null, false, true)) {
      Facts facts = facts(Category.HEALTH_HARM).diagnosis(diagnosis).purchaseAgency(agency)
          .orderValue(39_000.0).treatmentCosts(120_000.0);
      Map<Remedy, Map<String, Object>> rows = suggestionsFor(facts);
      if (diagnosis) {
        assertThat(rows.keySet()).as("remedies for %s", facts).containsExactly(Remedy.TREATMENT_COSTS);
        assertThat(rows.get(Remedy.TREATMENT_COSTS).get("amountKrw")).as("treatment costs for %s", facts).isEqualTo(120_000.0);
      } else {
        assertThat(rows.keySet()).as("remedies for %s", facts)
            .containsExactlyInAnyOrder(Remedy.REFUND, Remedy.EXCHANGE)
            .doesNotContain(Remedy.TREATMENT_COSTS);
      }
    }
  }

  @ParameterizedTest(name = "parcel lost without declared value, order of {0} won → refund of at most 500,000")
  @ValueSource(doubles = {0, 1, 499_999, 500_000, 500_001, 800_000, 10_000_000})
  void aLostParcelWithoutDeclaredValueIsCappedAt500000(double orderValue) {
    Map<Remedy, Map<String, Object>> rows = suggestionsFor(facts(Category.LOST_PARCEL).declaredValue(false)
        .purchaseAgency(false).orderValue(orderValue));

    assertThat(rows.keySet()).containsExactly(Remedy.REFUND);
    assertThat(rows.get(Remedy.REFUND).get("amountKrw")).isEqualTo(Math.min(orderValue, 500_000));
  }

  @ParameterizedTest(name = "delivery {0} days late, freight 4,000 → min(days × 4,000 × 50%, 8,000)")
  @ValueSource(doubles = {0, 1, 2, 3, 4, 5, 10, 30})
  void aDeliveryDelayIsDaysTimesFreightTimesHalfUpTo200PercentOfTheFreight(double days) {
    Map<Remedy, Map<String, Object>> rows = suggestionsFor(facts(Category.DELIVERY_DELAY).delay(days, 4_000.0));

    assertThat(rows.keySet()).containsExactly(Remedy.COUPON);
    assertThat(rows.get(Remedy.COUPON).get("amountKrw")).isEqualTo(Math.min(days * 4_000 * 0.5, 8_000));
  }

  /** 전자상거래법 제18조: a refund after a withdrawal is due within 3 business days of the returned goods. */
  @ParameterizedTest(name = "{0}: a refund of returned goods names the 3 business day deadline")
  @EnumSource(value = Category.class, names = {"HEALTH_HARM", "PRODUCT_DEFECT", "TRANSIT_DAMAGE", "WRONG_ITEM"})
  void refundsOfReturnedGoodsNameTheThreeBusinessDayDeadline(Category category) {
    Facts facts = facts(category).diagnosis(false).purchaseAgency(false).orderValue(30_000.0);
    Map<Remedy, Map<String, Object>> rows = suggestionsFor(facts);

    assertThat(rows).as("suggestions for %s", facts).containsKey(Remedy.REFUND);
    assertThat((String) rows.get(Remedy.REFUND).get("basis")).as("refund basis for %s", facts)
        .contains(ECOMMERCE_ACT, THREE_BUSINESS_DAYS);
  }

  /** The suggestions by remedy; a remedy suggested twice would be a modelling error. */
  static Map<Remedy, Map<String, Object>> suggestionsFor(Facts facts) {
    List<Map<String, Object>> rows = table.evaluate(facts.variables()).getResultList();
    Map<Remedy, Map<String, Object>> byRemedy = rows.stream().collect(Collectors.toMap(
        row -> Remedy.valueOf((String) row.get("remedy")), row -> row, (a, b) -> {
          throw new AssertionError("remedy suggested twice for " + facts + ": " + rows);
        }, LinkedHashMap::new));
    return byRemedy;
  }
}
