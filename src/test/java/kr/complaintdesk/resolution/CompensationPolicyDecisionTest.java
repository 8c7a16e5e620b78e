package kr.complaintdesk.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.Remedy;
import kr.complaintdesk.support.DecisionTableFile;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offer lines suggested for a case ({@code processes/compensation-policy.dmn}, COLLECT: every matching rule
 * is one suggested line), evaluated by a standalone DMN engine with the inputs {@link CompensationFacts} builds:
 * numbers as doubles, an unrecorded amount 0, an unknown date's day count null. Each example states the exact set
 * of lines: remedy, amount and the sources its basis names (소비자분쟁해결기준, 전자상거래법, 해외구매대행
 * 표준약관, 제조물 책임법, 정보통신망법 or company policy). A rule without an example fails
 * {@link #everyRuleIsExercisedByAnExample()}.
 */
class CompensationPolicyDecisionTest {

  static final String DECISION_KEY = "compensation-policy";
  static final String DISPUTE_STANDARDS = "소비자분쟁해결기준";
  static final String ECOMMERCE_ACT = "전자상거래법";
  static final String AGENCY_TERMS = "해외구매대행 표준약관";
  static final String PRODUCT_LIABILITY_ACT = "제조물 책임법";
  static final String NETWORK_ACT = "정보통신망법";
  static final String COMPANY_POLICY = "회사 정책";
  static final String THREE_BUSINESS_DAYS = "3영업일";
  /** The market daily wage the table pays a day of unproven lost income at. */
  static final double MARKET_DAILY_WAGE = 169_804;

  static DecisionTableFile table;

  /** The decision's inputs as {@link CompensationFacts#inputs} passes them; starts as a case where nothing is recorded. */
  static final class Facts {
    final Map<String, Object> values = new LinkedHashMap<>();

    Facts(Category category) {
      values.put("category", category.name());
      for (String text : List.of("productCausation", "companyFault", "rootCause", "defectSeverity")) {
        values.put(text, null);
      }
      for (String flag : List.of("dermatologistDiagnosis", "purchaseAgency", "productUsed")) {
        values.put(flag, null);
      }
      for (String days : List.of("daysSinceDelivery", "daysSinceAwareness", "delayDays")) {
        values.put(days, null);
      }
      for (String amount : List.of("orderValue", "goodsValue", "dutiesKrw", "agencyFeeKrw", "treatmentCostTotal",
          "expensesKrw", "lostIncomeKrw", "lostWorkDays", "freightKrw")) {
        values.put(amount, 0d);
      }
    }

    Facts with(String name, Object value) {
      Facts copy = new Facts(Category.valueOf((String) values.get("category")));
      copy.values.putAll(values);
      copy.values.put(name, value instanceof Number n ? (Object) n.doubleValue() : value);
      return copy;
    }

    Facts causation(String verdict) { return with("productCausation", verdict); }
    Facts fault(String fault) { return with("companyFault", fault); }
    Facts rootCause(String cause) { return with("rootCause", cause); }
    Facts diagnosis(Boolean value) { return with("dermatologistDiagnosis", value); }
    Facts agency(Boolean value) { return with("purchaseAgency", value); }
    Facts used(Boolean value) { return with("productUsed", value); }
    Facts severity(String value) { return with("defectSeverity", value); }
    Facts deliveredDaysAgo(Number days) { return with("daysSinceDelivery", days); }
    Facts awareDaysAgo(Number days) { return with("daysSinceAwareness", days); }
    Facts goods(Number won) { return with("goodsValue", won); }
    Facts duties(Number won) { return with("dutiesKrw", won); }
    Facts agencyFee(Number won) { return with("agencyFeeKrw", won); }
    Facts treatment(Number won) { return with("treatmentCostTotal", won); }
    Facts expenses(Number won) { return with("expensesKrw", won); }
    Facts lostIncome(Number won) { return with("lostIncomeKrw", won); }
    Facts lostWorkDays(Number days) { return with("lostWorkDays", days); }
    Facts delay(Number days, Number freight) { return with("delayDays", days).with("freightKrw", freight); }

    @Override
    public String toString() {
      return values.entrySet().stream().filter(e -> e.getValue() != null && !Objects.equals(e.getValue(), 0d))
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** One expected line: the remedy, its amount (null: the agent decides) and what its basis must name. */
  record Suggestion(Remedy remedy, Double amountKrw, List<String> basisNames) {
    String key() {
      return remedy + " " + amountKrw;
    }
  }

  record Example(Facts facts, List<Suggestion> expected) {}

  static Facts facts(Category category) {
    return new Facts(category);
  }

  static Suggestion suggest(Remedy remedy, Number amountKrw, String... basisNames) {
    return new Suggestion(remedy, amountKrw == null ? null : amountKrw.doubleValue(), List.of(basisNames));
  }

  static Named<Example> example(String name, Facts facts, Suggestion... expected) {
    return Named.of(name, new Example(facts, List.of(expected)));
  }

  static List<Named<Example>> examples() {
    return List.of(
        // Bodily harm (rules 1-4): treatment costs, expenses and lost income, all computed in the table.
        example("부산 어머니 피부 감염, 피부과 진단, 치료비 18만·교통비 3만·소득 입증 없이 5일 휴업 → 치료비, 경비, 5일 × 노임단가 (skin infection, Busan)",
            facts(Category.HEALTH_HARM).causation("POSSIBLE").fault("PARTIAL").diagnosis(true).goods(39_000)
                .treatment(180_000).expenses(30_000).lostWorkDays(5),
            suggest(Remedy.TREATMENT_COSTS, 180_000, DISPUTE_STANDARDS, "피부과 전문의"),
            suggest(Remedy.TREATMENT_COSTS, 30_000, DISPUTE_STANDARDS, "경비"),
            suggest(Remedy.TREATMENT_COSTS, 5 * MARKET_DAILY_WAGE, DISPUTE_STANDARDS, "시중 노임단가")),
        example("피부 부작용, 진단 있음, 영수증 아직 없음 → 치료비 0원에서 정산 (diagnosis, no receipts yet)",
            facts(Category.HEALTH_HARM).diagnosis(true),
            suggest(Remedy.TREATMENT_COSTS, 0, DISPUTE_STANDARDS, "피부과 전문의")),
        example("립스틱 로고 조각에 손가락 베임, 치료비 7만·입증 소득 12만 → 치료비, 일실소득, 교환 또는 환급 32,000 (lipstick cut)",
            facts(Category.INJURY).causation("CONFIRMED").rootCause("CONTAINER_DEFECT").fault("YES").goods(32_000)
                .treatment(70_000).lostIncome(120_000).lostWorkDays(2),
            suggest(Remedy.TREATMENT_COSTS, 70_000, DISPUTE_STANDARDS, PRODUCT_LIABILITY_ACT, "제3조"),
            suggest(Remedy.TREATMENT_COSTS, 120_000, DISPUTE_STANDARDS, "입증 자료가 있으면"),
            suggest(Remedy.EXCHANGE, 32_000, DISPUTE_STANDARDS),
            suggest(Remedy.REFUND, 32_000, DISPUTE_STANDARDS, ECOMMERCE_ACT, THREE_BUSINESS_DAYS)),
        // Skin side effect without a dermatologist (rules 5-6).
        example("피부 부작용, 진단 없음 → 구입가 환급 39,000 또는 교환, 치료비 없음 (side effect without diagnosis)",
            facts(Category.HEALTH_HARM).diagnosis(false).goods(39_000).treatment(50_000),
            suggest(Remedy.REFUND, 39_000, DISPUTE_STANDARDS, "피부과 전문의", ECOMMERCE_ACT, THREE_BUSINESS_DAYS),
            suggest(Remedy.EXCHANGE, 39_000, DISPUTE_STANDARDS)),
        example("피부 부작용, 진단 여부 미기록 → 진단 없음과 같이 환급·교환 (diagnosis not recorded)",
            facts(Category.HEALTH_HARM).goods(25_000),
            suggest(Remedy.REFUND, 25_000, DISPUTE_STANDARDS, THREE_BUSINESS_DAYS),
            suggest(Remedy.EXCHANGE, 25_000, DISPUTE_STANDARDS)),
        // No product fault (rule 11): an explanation, no damages.
        example("피부 부작용, 안전성 Lab 판정 '관련 없음' → 진단·치료비가 있어도 설명과 사과만 (verdict NOT_RELATED)",
            facts(Category.HEALTH_HARM).causation("NOT_RELATED").fault("NO").diagnosis(true).goods(39_000)
                .treatment(100_000).expenses(20_000).lostWorkDays(3),
            suggest(Remedy.APOLOGY, null, DISPUTE_STANDARDS, "인과관계 없음")),
        example("다침, 원인 '사용 부주의' → 치료비 없이 설명과 사과 (customer misuse)",
            facts(Category.INJURY).causation("CONFIRMED").rootCause("CUSTOMER_MISUSE").fault("PARTIAL").goods(32_000)
                .treatment(50_000),
            suggest(Remedy.APOLOGY, null, DISPUTE_STANDARDS, "사용 부주의")),
        // Quality defects (rules 7-10).
        example("휴대폰 케이스 금형 불량 → 교환 또는 환급 15,000 (mould fault)",
            facts(Category.PRODUCT_DEFECT).rootCause("MOULD_DEFECT").fault("YES").severity("SERIOUS").used(true)
                .deliveredDaysAgo(1).awareDaysAgo(1).goods(15_000),
            suggest(Remedy.EXCHANGE, 15_000, DISPUTE_STANDARDS, "용기"),
            suggest(Remedy.REFUND, 15_000, DISPUTE_STANDARDS, ECOMMERCE_ACT, THREE_BUSINESS_DAYS)),
        example("경미해 쓸 수 있는 하자, 써 봄, 전액 환불 요구 → 교환과 차액 적립금, 환불 없음 (slight defect, full refund demanded)",
            facts(Category.PRODUCT_DEFECT).fault("YES").severity("SLIGHT").used(true).deliveredDaysAgo(20).goods(45_000),
            suggest(Remedy.EXCHANGE, 45_000, DISPUTE_STANDARDS, "경미한 하자"),
            suggest(Remedy.STORE_CREDIT, null, COMPANY_POLICY)),
        // Simple withdrawal within 7 days of delivery (rules 12-13).
        example("경미한 하자, 받은 지 7일째, 쓰지 않음 → 교환·적립금과 단순 청약철회 환급 (slight defect, unused, day 7)",
            facts(Category.PRODUCT_DEFECT).severity("SLIGHT").used(false).deliveredDaysAgo(7).goods(45_000),
            suggest(Remedy.EXCHANGE, 45_000, DISPUTE_STANDARDS),
            suggest(Remedy.STORE_CREDIT, null, COMPANY_POLICY),
            suggest(Remedy.REFUND, 45_000, ECOMMERCE_ACT, "제17조 제1항", THREE_BUSINESS_DAYS)),
        example("경미한 하자, 받은 지 8일, 쓰지 않음 → 7일이 지나 환급 없음 (slight defect, unused, day 8)",
            facts(Category.PRODUCT_DEFECT).severity("SLIGHT").used(false).deliveredDaysAgo(8).goods(45_000),
            suggest(Remedy.EXCHANGE, 45_000, DISPUTE_STANDARDS),
            suggest(Remedy.STORE_CREDIT, null, COMPANY_POLICY)),
        example("마음이 바뀜(기타), 받은 지 3일, 쓰지 않음 → 사과와 단순 청약철회 환급 20,000 (changed mind, unused)",
            facts(Category.OTHER).used(false).deliveredDaysAgo(3).goods(20_000),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY),
            suggest(Remedy.REFUND, 20_000, ECOMMERCE_ACT, "7일", THREE_BUSINESS_DAYS)),
        // Goods not as contracted: wrong item and transit damage (rules 14-18, 24).
        example("오배송, 받은 지 10일 → 교환 또는 환급 54,000, 반품비 회사 부담 (wrong item)",
            facts(Category.WRONG_ITEM).deliveredDaysAgo(10).awareDaysAgo(10).goods(54_000),
            suggest(Remedy.EXCHANGE, 54_000, ECOMMERCE_ACT, "제17조 제3항", "회사 부담"),
            suggest(Remedy.REFUND, 54_000, ECOMMERCE_ACT, THREE_BUSINESS_DAYS)),
        example("오배송, 받은 지 100일이지만 안 지 20일 → 안 날부터 30일 안이라 교환·환급 (wrong item noticed late)",
            facts(Category.WRONG_ITEM).agency(false).deliveredDaysAgo(100).awareDaysAgo(20).goods(54_000),
            suggest(Remedy.EXCHANGE, 54_000, ECOMMERCE_ACT),
            suggest(Remedy.REFUND, 54_000, ECOMMERCE_ACT)),
        example("오배송, 받은 지 92일, 안 지 40일 → 3개월(92일) 안이라 교환·환급 (day 92)",
            facts(Category.WRONG_ITEM).deliveredDaysAgo(92).awareDaysAgo(40).goods(54_000),
            suggest(Remedy.EXCHANGE, 54_000, ECOMMERCE_ACT),
            suggest(Remedy.REFUND, 54_000, ECOMMERCE_ACT)),
        example("오배송, 받은 지 93일, 안 지 31일 → 청약철회 기한 지남: 설명 (both windows over)",
            facts(Category.WRONG_ITEM).deliveredDaysAgo(93).awareDaysAgo(31).goods(54_000),
            suggest(Remedy.APOLOGY, null, ECOMMERCE_ACT, "제17조 제3항")),
        example("해외 구매대행 오배송 → 교환 또는 대금 200,000+관부가세 30,000+수수료 15,000 환급 (purchase agency wrong item)",
            facts(Category.WRONG_ITEM).agency(true).deliveredDaysAgo(5).goods(200_000).duties(30_000).agencyFee(15_000),
            suggest(Remedy.EXCHANGE, 200_000, ECOMMERCE_ACT),
            suggest(Remedy.REFUND, 245_000, AGENCY_TERMS, "관부가세", "수수료", THREE_BUSINESS_DAYS)),
        example("배송 중 파손, 자사 배송, 받은 날 → 교환 또는 환급 89,000 (transit damage, own shipment)",
            facts(Category.TRANSIT_DAMAGE).agency(false).deliveredDaysAgo(0).awareDaysAgo(0).goods(89_000),
            suggest(Remedy.EXCHANGE, 89_000, ECOMMERCE_ACT, "제17조 제3항"),
            suggest(Remedy.REFUND, 89_000, ECOMMERCE_ACT, "제18조", THREE_BUSINESS_DAYS)),
        example("배송 중 파손, 날짜 모름 → 기한 안으로 보고 교환·환급 (dates unknown)",
            facts(Category.TRANSIT_DAMAGE).goods(89_000),
            suggest(Remedy.EXCHANGE, 89_000, ECOMMERCE_ACT),
            suggest(Remedy.REFUND, 89_000, ECOMMERCE_ACT)),
        // Purchase agency loss or damage in transit (rules 19-21).
        example("구매대행 한정판 운동화 배송 중 파손 → 대금+관부가세+수수료 388,000 환급, 재확보·재발송, 사은품 (agency sneakers)",
            facts(Category.TRANSIT_DAMAGE).agency(true).rootCause("INSUFFICIENT_PACKING").fault("YES").deliveredDaysAgo(1)
                .goods(320_000).duties(48_000).agencyFee(20_000),
            suggest(Remedy.REFUND, 388_000, AGENCY_TERMS, "관부가세", "수수료"),
            suggest(Remedy.RESOURCING, 320_000, COMPANY_POLICY, "보강"),
            suggest(Remedy.GIFT, null, COMPANY_POLICY)),
        example("구매대행 한정판 피규어 분실 800,000 → 50만 원 한도 없이 880,000 환급, 재확보, 사은품 (agency figure lost)",
            facts(Category.LOST_PARCEL).agency(true).goods(800_000).duties(60_000).agencyFee(20_000),
            suggest(Remedy.REFUND, 880_000, AGENCY_TERMS, "운송사의 배상 한도"),
            suggest(Remedy.RESOURCING, 800_000, COMPANY_POLICY),
            suggest(Remedy.GIFT, null, COMPANY_POLICY)),
        // Own shipment lost (rules 22-23): never capped at the carrier's limit.
        example("택배 분실, 자사 배송, 800,000원 → 한도 없이 800,000 환급 또는 다시 발송 (own parcel lost)",
            facts(Category.LOST_PARCEL).agency(false).goods(800_000),
            suggest(Remedy.REFUND, 800_000, ECOMMERCE_ACT, "제15조", THREE_BUSINESS_DAYS, "운송사의 배상 한도"),
            suggest(Remedy.RESOURCING, 800_000, ECOMMERCE_ACT, "제15조")),
        example("배송 중 파손, 받은 지 120일·안 지 60일 → 청약철회 기한 지남: 설명 (transit damage reported late)",
            facts(Category.TRANSIT_DAMAGE).agency(false).deliveredDaysAgo(120).awareDaysAgo(60).goods(89_000),
            suggest(Remedy.APOLOGY, null, ECOMMERCE_ACT)),
        // Delivery delay (rules 25-26).
        example("배송 3일 지연, 운임 4,000원 → 쿠폰 6,000 또는 주문 취소·환급 30,000 (three days late)",
            facts(Category.DELIVERY_DELAY).delay(3, 4_000).goods(30_000),
            suggest(Remedy.COUPON, 6_000, DISPUTE_STANDARDS, "50%", "200%"),
            suggest(Remedy.REFUND, 30_000, ECOMMERCE_ACT, "제15조", THREE_BUSINESS_DAYS)),
        example("배송 10일 지연, 운임 4,000원 → 운임의 200% 한도 8,000 (ten days: capped)",
            facts(Category.DELIVERY_DELAY).delay(10, 4_000).goods(30_000),
            suggest(Remedy.COUPON, 8_000, DISPUTE_STANDARDS),
            suggest(Remedy.REFUND, 30_000, ECOMMERCE_ACT)),
        example("배송 지연, 운임 모름 → 쿠폰 금액은 상담원이 (freight unknown)",
            facts(Category.DELIVERY_DELAY).delay(3, 0).goods(30_000),
            suggest(Remedy.COUPON, null, DISPUTE_STANDARDS),
            suggest(Remedy.REFUND, 30_000, ECOMMERCE_ACT)),
        // No statutory standard (rules 27-31).
        example("통관 지연 → 경과 안내와 약속한 시각에 재연락 (customs delay)",
            facts(Category.CUSTOMS_DELAY).agency(true).goods(120_000),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY, "법정 배상 기준이 없음")),
        example("서비스 불만, SNS 비난 → 사과와 쿠폰 5,000 (service complaint)",
            facts(Category.SERVICE).goods(45_000),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY),
            suggest(Remedy.COUPON, 5_000, COMPANY_POLICY)),
        example("수신 거부했는데 광고가 계속 옴 → 모든 연락처에 수신 거부 반영과 사과 (opted out, still receiving)",
            facts(Category.UNWANTED_CONTACT),
            suggest(Remedy.APOLOGY, null, NETWORK_ACT, "제50조", "모든 연락처")),
        example("기타 불만, 사용 여부 모름 → 사실 확인과 사과, 환급 없음 (other complaint)",
            facts(Category.OTHER).deliveredDaysAgo(3).goods(10_000),
            suggest(Remedy.APOLOGY, null, COMPANY_POLICY, "법정 기준 없음")));
  }

  @BeforeAll
  static void readTable() {
    table = DecisionTableFile.of(DECISION_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGetExactlyTheirSuggestions(Example example) {
    List<Map<String, Object>> rows = linesFor(example.facts());

    assertThat(rows.stream().map(CompensationPolicyDecisionTest::key))
        .as("lines (remedy amount) suggested for %s", example.facts())
        .containsExactlyInAnyOrderElementsOf(example.expected().stream().map(Suggestion::key).toList());
    SoftAssertions softly = new SoftAssertions();
    for (Suggestion expected : example.expected()) {
      List<String> bases = rows.stream().filter(row -> key(row).equals(expected.key()))
          .map(row -> (String) row.get("basis")).toList();
      softly.assertThat(bases).as("basis of %s for %s", expected.key(), example.facts())
          .anySatisfy(basis -> assertThat(basis).contains(expected.basisNames()));
    }
    softly.assertAll();
  }

  @Test
  void everyRuleIsExercisedByAnExample() {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    for (Named<Example> named : examples()) {
      fresh.evaluate(named.getPayload().facts().values);
    }

    assertThat(fresh.matchedRuleIds())
        .as("rules of %s matched by the examples; a rule without an example needs one in examples()", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @Test
  void everyRuleNamesItsCaseInKoreanAndEveryLineSaysWhatIsDelivered() {
    var model = Dmn.readModelFromFile(new File(table.file()));
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).containsPattern("[가-힣]");
    }
  }

  /** The market daily wage is a number a process owner updates: it must stand in exactly one cell. */
  @Test
  void theMarketDailyWageStandsInOneCell() {
    var model = Dmn.readModelFromFile(new File(table.file()));
    List<String> cells = model.getModelElementsByType(OutputEntry.class).stream()
        .map(entry -> entry.getText().getTextContent()).filter(text -> text.contains("lostWorkDays")).toList();

    assertThat(cells).containsExactly("lostWorkDays * " + (long) MARKET_DAILY_WAGE);
  }

  @ParameterizedTest(name = "{0} gets at least one line, each an offerable remedy that says what is delivered and why")
  @EnumSource(Category.class)
  void everyCategoryOfTheSopGetsASuggestionWithItsBasis(Category category) {
    Facts recorded = facts(category).diagnosis(false).agency(false).used(true).severity("SERIOUS")
        .deliveredDaysAgo(10).awareDaysAgo(10).goods(50_000).delay(1, 3_000);
    for (Facts facts : List.of(facts(category), recorded)) {
      List<Map<String, Object>> rows = linesFor(facts);
      assertThat(rows).as("lines for %s", facts).isNotEmpty();
      for (Map<String, Object> row : rows) {
        assertThat(Arrays.stream(Remedy.values()).map(Remedy::name)).as("remedy of %s", facts).contains((String) row.get("remedy"));
        assertThat((String) row.get("description")).as("description of %s for %s", row.get("remedy"), facts).isNotBlank();
        assertThat((String) row.get("basis")).as("basis of %s for %s", row.get("remedy"), facts).isNotBlank();
      }
    }
  }

  /** Until every caller passes the new facts, a case with only its category must still evaluate. */
  @ParameterizedTest(name = "{0} with nothing but the category")
  @EnumSource(Category.class)
  void aCaseWithOnlyItsCategoryEvaluates(Category category) {
    assertThatCode(() -> table.evaluate(Variables.createVariables().putValue("category", category.name())))
        .doesNotThrowAnyException();
  }

  static List<Facts> notTheProductsFault() {
    List<Facts> facts = new ArrayList<>();
    for (Category category : List.of(Category.HEALTH_HARM, Category.INJURY)) {
      Facts harmed = facts(category).diagnosis(true).goods(30_000).treatment(200_000).expenses(40_000)
          .lostIncome(300_000).lostWorkDays(4);
      facts.add(harmed.causation("NOT_RELATED"));
      facts.add(harmed.causation("CONFIRMED").rootCause("CUSTOMER_MISUSE"));
      facts.add(harmed.rootCause("NOT_PRODUCT_RELATED"));
      facts.add(harmed.causation("POSSIBLE").fault("NO"));
    }
    return facts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notTheProductsFault")
  void noTreatmentCostsExpensesOrLostIncomeWhenTheProductOrCompanyIsNotAtFault(Facts facts) {
    assertThat(linesFor(facts)).as("lines for %s", facts)
        .extracting(row -> row.get("remedy")).containsExactly(Remedy.APOLOGY.name());
  }

  @ParameterizedTest(name = "parcel of {0} won lost → refund of the whole value, never a carrier's cap")
  @ValueSource(doubles = {1, 499_999, 500_000, 500_001, 800_000, 10_000_000})
  void aLostParcelIsNeverCappedAtACarriersLiability(double goodsValue) {
    for (Boolean agency : Arrays.asList(null, false, true)) {
      Facts facts = facts(Category.LOST_PARCEL).agency(agency).goods(goodsValue).duties(agency == Boolean.TRUE ? 10_000 : 0)
          .agencyFee(agency == Boolean.TRUE ? 5_000 : 0);
      List<Object> refunds = linesFor(facts).stream().filter(row -> "REFUND".equals(row.get("remedy")))
          .map(row -> row.get("amountKrw")).toList();

      assertThat(refunds).as("refunds for %s", facts)
          .containsExactly(goodsValue + (agency == Boolean.TRUE ? 15_000d : 0d));
    }
  }

  @ParameterizedTest(name = "slight usable defect, used, {0} days after delivery → exchange, never a refund")
  @ValueSource(ints = {0, 3, 7, 8, 30, 400})
  void aSlightUsableDefectIsNotRefundedOnceUsed(int days) {
    for (Boolean used : Arrays.asList(true, null)) {
      Facts facts = facts(Category.PRODUCT_DEFECT).severity("SLIGHT").used(used).deliveredDaysAgo(days).goods(45_000);
      assertThat(linesFor(facts)).as("lines for %s", facts).extracting(row -> row.get("remedy"))
          .contains(Remedy.EXCHANGE.name()).doesNotContain(Remedy.REFUND.name());
    }
  }

  @ParameterizedTest(name = "unused, {0} days after delivery: simple withdrawal while at most 7")
  @ValueSource(ints = {0, 1, 6, 7, 8, 9, 30})
  void simpleWithdrawalLastsSevenDaysFromDelivery(int days) {
    Facts facts = facts(Category.PRODUCT_DEFECT).severity("SLIGHT").used(false).deliveredDaysAgo(days).goods(45_000);

    assertThat(linesFor(facts).stream().anyMatch(row -> "REFUND".equals(row.get("remedy")))).as("refund for %s", facts)
        .isEqualTo(days <= 7);
  }

  @ParameterizedTest(name = "wrong item {0} days after delivery: withdrawal within 3 months (92 days) or 30 days of knowing")
  @ValueSource(ints = {0, 30, 31, 92, 93, 365})
  void goodsNotAsContractedMayBeReturnedWithinThreeMonthsOrThirtyDaysOfKnowing(int daysSinceDelivery) {
    for (Integer daysSinceAwareness : Arrays.asList(null, 0, 30, 31, 200)) {
      Facts facts = facts(Category.WRONG_ITEM).deliveredDaysAgo(daysSinceDelivery).awareDaysAgo(daysSinceAwareness).goods(10_000);
      boolean open = daysSinceDelivery <= 92 || daysSinceAwareness == null || daysSinceAwareness <= 30;

      assertThat(linesFor(facts)).as("lines for %s", facts).extracting(row -> row.get("remedy"))
          .containsExactlyInAnyOrderElementsOf(open ? List.of("EXCHANGE", "REFUND") : List.of("APOLOGY"));
    }
  }

  @ParameterizedTest(name = "delivery {0} days late, freight 4,000 → min(days × 4,000 × 50%, 8,000)")
  @ValueSource(doubles = {1, 2, 3, 4, 5, 10, 30})
  void aDeliveryDelayIsDaysTimesFreightTimesHalfUpTo200PercentOfTheFreight(double days) {
    List<Object> coupons = linesFor(facts(Category.DELIVERY_DELAY).delay(days, 4_000)).stream()
        .filter(row -> "COUPON".equals(row.get("remedy"))).map(row -> row.get("amountKrw")).toList();

    assertThat(coupons).containsExactly(Math.min(days * 4_000 * 0.5, 8_000));
  }

  /** 전자상거래법 제15조·제18조: a refund of the company's own sale is due within 3 business days. */
  @ParameterizedTest(name = "{0}: a refund names the 3 business day deadline")
  @EnumSource(value = Category.class, names = {"HEALTH_HARM", "INJURY", "PRODUCT_DEFECT", "TRANSIT_DAMAGE", "WRONG_ITEM",
      "LOST_PARCEL", "DELIVERY_DELAY"})
  void refundsNameTheThreeBusinessDayDeadline(Category category) {
    Facts facts = facts(category).diagnosis(false).agency(false).goods(30_000);
    List<Map<String, Object>> refunds = linesFor(facts).stream().filter(row -> "REFUND".equals(row.get("remedy"))).toList();

    assertThat(refunds).as("refunds for %s", facts).isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get("basis")).contains(ECOMMERCE_ACT, THREE_BUSINESS_DAYS));
  }

  static String key(Map<String, Object> row) {
    return row.get("remedy") + " " + row.get("amountKrw");
  }

  /** The suggested lines; the same remedy with the same text twice would be a modelling error. */
  static List<Map<String, Object>> linesFor(Facts facts) {
    List<Map<String, Object>> rows = table.evaluate(facts.values).getResultList();
    assertThat(rows.stream().map(row -> row.get("remedy") + " " + row.get("description")))
        .as("lines for %s", facts).doesNotHaveDuplicates();
    return rows;
  }
}
