package kr.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.Channel;
import kr.complaintdesk.support.DecisionTableFile;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The triage decision that process owners edit ({@code processes/complaint-triage.dmn}), evaluated by a
 * standalone DMN engine. The file is a requirements graph: {@code complaint-triage} takes the priority of
 * {@code triage-priority} (FIRST hit) and the analyses and visit of {@code triage-routing} (UNIQUE) and adds
 * the first-response SLA per priority. Each example names a situation from the SOP, states all seven
 * outputs and which priority rule decides; a rule of any of the three tables without an example fails
 * {@link #everyRuleIsExercisedByAnExample()}.
 */
class ComplaintTriageDecisionTest {

  static final String DECISION_KEY = "complaint-triage";
  static final Set<Channel> PUBLIC_OR_AGENCY_CHANNELS = Set.of(Channel.SNS, Channel.COMMUNITY, Channel.CONSUMER_AGENCY);
  static final Map<String, Integer> FIRST_RESPONSE_HOURS = Map.of("P1", 4, "P2", 8, "P3", 16, "P4", 24);
  /** Order values on both sides of the 1,000,000 won threshold, and none given. */
  static final List<Double> ORDER_VALUES = Arrays.asList(null, 999_999.0, 1_000_000.0);

  static DecisionTableFile table;

  /** The inputs the triage delegate passes; {@code harm} is {@link Category#isHarm()} unless an example says otherwise. */
  record Facts(Category category, boolean harm, boolean externalThreat, Channel channel, boolean repeatComplainant,
      Double orderValue) {

    Facts threat() {
      return new Facts(category, harm, true, channel, repeatComplainant, orderValue);
    }

    Facts repeat() {
      return new Facts(category, harm, externalThreat, channel, true, orderValue);
    }

    Facts orderValue(Double won) {
      return new Facts(category, harm, externalThreat, channel, repeatComplainant, won);
    }

    Facts harm(boolean value) {
      return new Facts(category, value, externalThreat, channel, repeatComplainant, orderValue);
    }

    VariableMap variables() {
      return Variables.createVariables()
          .putValue("category", category.name())
          .putValue("harm", harm)
          .putValue("externalThreat", externalThreat)
          .putValue("channel", channel.name())
          .putValue("repeatComplainant", repeatComplainant)
          .putValue("orderValue", orderValue);
    }
  }

  /** All outputs of one triage, in the table's output names. */
  record Triage(String priority, int firstResponseHours, boolean needsSafetyLab, boolean needsQuality,
      boolean needsLogistics, boolean visitOffered, boolean prRiskAlert) {

    Map<String, Object> asOutputs() {
      Map<String, Object> outputs = new LinkedHashMap<>();
      outputs.put("priority", priority);
      outputs.put("firstResponseHours", firstResponseHours);
      outputs.put("needsSafetyLab", needsSafetyLab);
      outputs.put("needsQuality", needsQuality);
      outputs.put("needsLogistics", needsLogistics);
      outputs.put("visitOffered", visitOffered);
      outputs.put("prRiskAlert", prRiskAlert);
      return outputs;
    }
  }

  /** {@code priorityRule}: the number of the triage-priority rule that decides (FIRST hit). */
  record Example(Facts facts, int priorityRule, Triage expected) {}

  static Facts caseOf(Category category, Channel channel) {
    return new Facts(category, category.isHarm(), false, channel, false, null);
  }

  static Triage triage(String priority, int hours, boolean safetyLab, boolean quality, boolean logistics,
      boolean visit, boolean prRisk) {
    return new Triage(priority, hours, safetyLab, quality, logistics, visit, prRisk);
  }

  static Named<Example> example(String name, Facts facts, int priorityRule, Triage expected) {
    return Named.of(name, new Example(facts, priorityRule, expected));
  }

  static List<Named<Example>> examples() {
    return List.of(
        // triage-priority rule 1: bodily harm, always P1, before any other rule.
        example("피부 이상, 전화 접수 → P1·안전성 Lab·방문 케어 (skin reaction by phone)",
            caseOf(Category.HEALTH_HARM, Channel.PHONE), 1, triage("P1", 4, true, false, false, true, false)),
        example("피부 이상 + 언론 제보 위협 → 피해 규칙이 먼저, 홍보 알림 (harm rule comes before the threat rule)",
            caseOf(Category.HEALTH_HARM, Channel.PHONE).threat(), 1, triage("P1", 4, true, false, false, true, true)),
        example("피부 이상, 소비자원 이관 → 기관 규칙(P2)보다 피해 규칙(P1)이 먼저 (harm before the agency rule)",
            caseOf(Category.HEALTH_HARM, Channel.CONSUMER_AGENCY), 1, triage("P1", 4, true, false, false, true, true)),
        example("피부 이상, SNS 게시 → 홍보 알림 (skin reaction posted on SNS)",
            caseOf(Category.HEALTH_HARM, Channel.SNS), 1, triage("P1", 4, true, false, false, true, true)),
        example("립스틱 로고에 손가락 베임, 커뮤니티 게시 → P1·품질 검사·방문 (injury posted on a community)",
            caseOf(Category.INJURY, Channel.COMMUNITY), 1, triage("P1", 4, false, true, false, true, true)),
        example("신체 상해, 매장 접수, 반복 고객, 200만 원 → 피해 규칙 (injury in store, repeat, large order)",
            caseOf(Category.INJURY, Channel.STORE).repeat().orderValue(2_000_000.0), 1,
            triage("P1", 4, false, true, false, true, false)),
        example("신체 상해 + 위협, 이메일 → 피해 규칙 (injury with threat by e-mail)",
            caseOf(Category.INJURY, Channel.EMAIL).threat(), 1, triage("P1", 4, false, true, false, true, true)),
        example("제품 하자지만 신체 피해 표시 → P1, 분석은 유형대로 품질 (defect flagged as harm)",
            caseOf(Category.PRODUCT_DEFECT, Channel.WEB).harm(true), 1, triage("P1", 4, false, true, false, false, false)),
        // triage-priority rule 2: media / agency / viral threat, always P1 and pr-risk alerted.
        example("제품 하자 + 언론·기관 위협 → P1 (defect with threat)",
            caseOf(Category.PRODUCT_DEFECT, Channel.WEB).threat(), 2, triage("P1", 4, false, true, false, false, true)),
        example("운송 중 파손 + 위협, 매장 → P1·물류 (transit damage with threat)",
            caseOf(Category.TRANSIT_DAMAGE, Channel.STORE).threat(), 2, triage("P1", 4, false, false, true, false, true)),
        example("배송 지연 + 위협, 전화 → P1·물류 (delivery delay with threat)",
            caseOf(Category.DELIVERY_DELAY, Channel.PHONE).threat(), 2, triage("P1", 4, false, false, true, false, true)),
        example("서비스 불만 + 위협 → P1, 분석 없음 (service complaint with threat)",
            caseOf(Category.SERVICE, Channel.PHONE).threat(), 2, triage("P1", 4, false, false, false, false, true)),
        example("기타 불만 + 위협, 소비자원 이관 → 위협 규칙이 기관 규칙보다 먼저 (threat before the agency rule)",
            caseOf(Category.OTHER, Channel.CONSUMER_AGENCY).threat(), 2, triage("P1", 4, false, false, false, false, true)),
        // triage-priority rule 3: consumer agency transfer (reply deadline), P2 and pr-risk alerted.
        example("기타 불만, 소비자원(1372) 이관 → P2, 홍보 알림 (other complaint transferred by the agency)",
            caseOf(Category.OTHER, Channel.CONSUMER_AGENCY), 3, triage("P2", 8, false, false, false, false, true)),
        example("통관 지연, 소비자원 이관 → P3가 아니라 P2 (customs delay via agency: P2 not P3)",
            caseOf(Category.CUSTOMS_DELAY, Channel.CONSUMER_AGENCY), 3, triage("P2", 8, false, false, true, false, true)),
        example("제품 하자, 소비자원 이관, 반복 고객 → 기관 규칙 (defect via agency by a repeat complainant)",
            caseOf(Category.PRODUCT_DEFECT, Channel.CONSUMER_AGENCY).repeat(), 3,
            triage("P2", 8, false, true, false, false, true)),
        // triage-priority rule 4: repeat complainant, P2.
        example("서비스 불만, 반복 고객, 전화 → P3가 아니라 P2 (repeat complainant: service becomes P2)",
            caseOf(Category.SERVICE, Channel.PHONE).repeat(), 4, triage("P2", 8, false, false, false, false, false)),
        example("기타 불만, 반복 고객, SNS → P2, 홍보 알림 (repeat complainant on SNS)",
            caseOf(Category.OTHER, Channel.SNS).repeat(), 4, triage("P2", 8, false, false, false, false, true)),
        example("원치 않는 연락, 반복 고객, 100만 원 → 반복 규칙이 금액 규칙보다 먼저 (repeat before order value)",
            caseOf(Category.UNWANTED_CONTACT, Channel.EMAIL).repeat().orderValue(1_000_000.0), 4,
            triage("P2", 8, false, false, false, false, false)),
        // triage-priority rule 5: order value of 1,000,000 won or more, P2.
        example("기타 불만, 주문 100만 원 → P2 (order of exactly 1,000,000: threshold inclusive)",
            caseOf(Category.OTHER, Channel.WEB).orderValue(1_000_000.0), 5, triage("P2", 8, false, false, false, false, false)),
        example("배송 지연, 주문 150만 원 → P3가 아니라 P2 (delivery delay on a 1,500,000 order)",
            caseOf(Category.DELIVERY_DELAY, Channel.PHONE).orderValue(1_500_000.0), 5,
            triage("P2", 8, false, false, true, false, false)),
        example("서비스 불만, 주문 100만 원, 커뮤니티 → P2, 홍보 알림 (1,000,000 order posted on a community)",
            caseOf(Category.SERVICE, Channel.COMMUNITY).orderValue(1_000_000.0), 5,
            triage("P2", 8, false, false, false, false, true)),
        // triage-priority rule 6: defect, transit damage, wrong item, loss, P2.
        example("휴대폰 케이스 금형 불량, 웹 접수 → P2·품질 검사 (mould fault via web)",
            caseOf(Category.PRODUCT_DEFECT, Channel.WEB), 6, triage("P2", 8, false, true, false, false, false)),
        example("한정판 피규어 상자 찌그러짐, 웹 → P2·물류 조사 (crushed box via web)",
            caseOf(Category.TRANSIT_DAMAGE, Channel.WEB).orderValue(999_999.0), 6,
            triage("P2", 8, false, false, true, false, false)),
        example("오배송, 이메일 → P2·물류 조사 (wrong item by e-mail)",
            caseOf(Category.WRONG_ITEM, Channel.EMAIL), 6, triage("P2", 8, false, false, true, false, false)),
        example("분실, 커뮤니티 게시 → P2, 홍보 알림 (lost parcel posted on a community)",
            caseOf(Category.LOST_PARCEL, Channel.COMMUNITY), 6, triage("P2", 8, false, false, true, false, true)),
        // triage-priority rule 7: delays, service, unwanted contact, P3.
        example("배송 지연, 전화 독촉 → P3·물류 조사 (customer chasing a late delivery)",
            caseOf(Category.DELIVERY_DELAY, Channel.PHONE), 7, triage("P3", 16, false, false, true, false, false)),
        example("통관 지연, SNS → P3, 홍보 알림 (customs delay on SNS)",
            caseOf(Category.CUSTOMS_DELAY, Channel.SNS), 7, triage("P3", 16, false, false, true, false, true)),
        example("서비스 불만, 매장, 주문 999,999원 → P3 (service in store, just below the order threshold)",
            caseOf(Category.SERVICE, Channel.STORE).orderValue(999_999.0), 7, triage("P3", 16, false, false, false, false, false)),
        example("SNS에서 브랜드 비난 → P3, 홍보 알림 (brand attacked on SNS)",
            caseOf(Category.SERVICE, Channel.SNS), 7, triage("P3", 16, false, false, false, false, true)),
        example("수신 거부했는데 우편이 계속 옴, 이메일 → P3 (opted out but mail keeps coming)",
            caseOf(Category.UNWANTED_CONTACT, Channel.EMAIL), 7, triage("P3", 16, false, false, false, false, false)),
        // triage-priority rule 8: anything else, P4.
        example("기타 불만, 웹, 금액 없음 → P4 (other complaint via web, no order value)",
            caseOf(Category.OTHER, Channel.WEB), 8, triage("P4", 24, false, false, false, false, false)),
        example("기타 불만, 주문 999,999원 → P4 (order of 999,999: below the threshold)",
            caseOf(Category.OTHER, Channel.PHONE).orderValue(999_999.0), 8, triage("P4", 24, false, false, false, false, false)),
        example("기타 불만, 커뮤니티 게시 → P4, 홍보 알림 (other complaint on a community)",
            caseOf(Category.OTHER, Channel.COMMUNITY), 8, triage("P4", 24, false, false, false, false, true)));
  }

  @BeforeAll
  static void readTable() {
    table = DecisionTableFile.of(DECISION_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGetTheirTriage(Example example) {
    DmnDecisionTableResult result = table.evaluate(example.facts().variables());

    assertThat(result).as("rules matched for %s", example).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .as("outputs for %s", example)
        .containsExactlyInAnyOrderEntriesOf(example.expected().asOutputs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesArePrioritisedByTheRuleTheyName(Example example) {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    fresh.evaluate(example.facts().variables());

    assertThat(fresh.matchedRuleIds().stream().filter(id -> id.startsWith("Rule_TriagePriority_")))
        .as("triage-priority rule deciding %s (FIRST hit: the rules above it must not match)", example)
        .containsExactly(String.format("Rule_TriagePriority_%02d", example.priorityRule()));
  }

  @Test
  void everyRuleIsExercisedByAnExample() {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    for (Named<Example> named : examples()) {
      fresh.evaluate(named.getPayload().facts().variables());
    }

    assertThat(fresh.allRuleIds())
        .as("rules of complaint-triage, triage-priority and triage-routing")
        .anyMatch(id -> id.startsWith("Rule_ComplaintTriage_"))
        .anyMatch(id -> id.startsWith("Rule_TriagePriority_"))
        .anyMatch(id -> id.startsWith("Rule_TriageRouting_"));
    assertThat(fresh.matchedRuleIds())
        .as("rules of %s matched by the examples; a rule without an example needs one in examples()", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @ParameterizedTest(name = "{0}: every channel, threat, repeat and order value → P1")
  @MethodSource("harmCategories")
  void bodilyHarmIsAlwaysP1(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      softly.assertThat(priorityOf(facts)).as("priority of %s", facts).isEqualTo("P1");
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} with harm=true → P1 whatever else is true")
  @EnumSource(Category.class)
  void theHarmFlagMakesAnyCategoryP1(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      if (!facts.externalThreat()) {
        softly.assertThat(priorityOf(facts.harm(true))).as("priority of %s", facts.harm(true)).isEqualTo("P1");
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} with externalThreat=true → P1 on every channel")
  @EnumSource(Category.class)
  void anExternalThreatIsAlwaysP1(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      if (facts.externalThreat()) {
        softly.assertThat(priorityOf(facts)).as("priority of %s", facts).isEqualTo("P1");
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}: prRiskAlert = externalThreat or channel SNS/COMMUNITY/CONSUMER_AGENCY")
  @EnumSource(Category.class)
  void prRiskAlertFollowsThreatOrPublicOrAgencyChannel(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      boolean expected = facts.externalThreat() || PUBLIC_OR_AGENCY_CHANNELS.contains(facts.channel());
      softly.assertThat(table.evaluate(facts.variables()).getSingleResult().<Boolean>getEntry("prRiskAlert"))
          .as("prRiskAlert of %s", facts)
          .isEqualTo(expected);
    }
    softly.assertAll();
  }

  /** The triage delegate refuses a case when the decision gives no result or leaves an output empty. */
  @ParameterizedTest(name = "{0}: one result, every output, and the SLA of its priority, for every channel and threat")
  @EnumSource(Category.class)
  void everyCategoryChannelAndThreatGetsAllOutputsAndTheSlaOfItsPriority(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      DmnDecisionTableResult result = table.evaluate(facts.variables());
      softly.assertThat(result).as("results for %s", facts).hasSize(1);
      if (result.size() != 1) {
        continue;
      }
      DmnDecisionRuleResult entries = result.getSingleResult();
      for (String output : TriageComplaintDelegate.OUTPUTS) {
        softly.assertThat((Object) entries.getEntry(output)).as("%s for %s", output, facts).isNotNull();
      }
      String priority = entries.getEntry("priority");
      softly.assertThat(FIRST_RESPONSE_HOURS).as("priority of %s", facts).containsKey(priority);
      softly.assertThat(entries.<Integer>getEntry("firstResponseHours"))
          .as("first-response hours of %s (%s)", facts, priority)
          .isEqualTo(FIRST_RESPONSE_HOURS.get(priority));
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}: the analyses and visit depend on the category only")
  @EnumSource(Category.class)
  void analysesAndVisitDependOnTheCategoryOnly(Category category) {
    Map<String, Object> routing = routingOf(caseOf(category, Channel.PHONE));
    SoftAssertions softly = new SoftAssertions();
    for (Facts facts : everyCombination(category)) {
      softly.assertThat(routingOf(facts)).as("analyses and visit of %s", facts).isEqualTo(routing);
    }
    softly.assertAll();
    assertThat(routing.get("needsSafetyLab")).as("safety lab for %s", category).isEqualTo(category == Category.HEALTH_HARM);
    assertThat(routing.get("visitOffered")).as("visit for %s", category).isEqualTo(category.isHarm());
  }

  static Map<String, Object> routingOf(Facts facts) {
    Map<String, Object> all = table.evaluate(facts.variables()).getSingleResult().getEntryMap();
    return Stream.of("needsSafetyLab", "needsQuality", "needsLogistics", "visitOffered")
        .collect(Collectors.toMap(name -> name, all::get));
  }

  static String priorityOf(Facts facts) {
    DmnDecisionTableResult result = table.evaluate(facts.variables());
    assertThat(result).as("results for %s", facts).hasSize(1);
    return result.getSingleResult().getEntry("priority");
  }

  /** Every channel, threat, repeat complainant and order value (none, either side of 1,000,000) for one category. */
  static List<Facts> everyCombination(Category category) {
    List<Facts> all = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      for (boolean threat : new boolean[] {false, true}) {
        for (boolean repeat : new boolean[] {false, true}) {
          for (Double orderValue : ORDER_VALUES) {
            all.add(new Facts(category, category.isHarm(), threat, channel, repeat, orderValue));
          }
        }
      }
    }
    return all;
  }

  static Stream<Category> harmCategories() {
    return Arrays.stream(Category.values()).filter(Category::isHarm);
  }
}
