package kr.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.complaintdesk.intake.Category;
import kr.complaintdesk.intake.Channel;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import kr.complaintdesk.support.DecisionTableFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The triage table that process owners edit ({@code processes/complaint-triage.dmn}), evaluated by a
 * standalone DMN engine. Each example names a situation from the SOP and states every output; a
 * rule without an example fails {@link #everyRuleIsExercisedByAnExample()}.
 */
class ComplaintTriageDecisionTest {

  static final String DECISION_KEY = "complaint-triage";
  static final Set<Channel> PUBLIC_OR_AGENCY_CHANNELS = Set.of(Channel.SNS, Channel.COMMUNITY, Channel.CONSUMER_AGENCY);

  static DecisionTableFile table;

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

  record Example(Category category, boolean externalThreat, Channel channel, Triage expected) {}

  static Triage triage(String priority, int hours, boolean safetyLab, boolean quality, boolean logistics,
      boolean visit, boolean prRisk) {
    return new Triage(priority, hours, safetyLab, quality, logistics, visit, prRisk);
  }

  static Named<Example> example(String name, Category category, boolean externalThreat, Channel channel,
      Triage expected) {
    return Named.of(name, new Example(category, externalThreat, channel, expected));
  }

  static List<Named<Example>> examples() {
    return List.of(
        // Bodily harm first: always P1, whatever else is true.
        example("피부 이상, 전화 접수 → P1·안전성 Lab·방문 케어 (skin reaction by phone)",
            Category.HEALTH_HARM, false, Channel.PHONE, triage("P1", 4, true, false, false, true, false)),
        example("피부 이상 + 언론 제보 위협 → 피부 규칙이 먼저: 안전성 Lab 유지, 홍보 알림 (harm rule wins over threat rule)",
            Category.HEALTH_HARM, true, Channel.PHONE, triage("P1", 4, true, false, false, true, true)),
        example("피부 이상, SNS 게시 → 홍보 알림 (skin reaction posted on SNS)",
            Category.HEALTH_HARM, false, Channel.SNS, triage("P1", 4, true, false, false, true, true)),
        example("립스틱 로고에 손가락 베임, 커뮤니티 게시 → P1·품질 검사·방문 (injury posted on a community)",
            Category.INJURY, false, Channel.COMMUNITY, triage("P1", 4, false, true, false, true, true)),
        example("신체 상해, 매장 접수 → 홍보 알림 없음 (injury reported in store)",
            Category.INJURY, false, Channel.STORE, triage("P1", 4, false, true, false, true, false)),
        example("신체 상해 + 위협 → 상해 규칙이 먼저: 방문 유지 (injury rule wins over threat rule)",
            Category.INJURY, true, Channel.EMAIL, triage("P1", 4, false, true, false, true, true)),
        // Product defects.
        example("제품 하자 + 언론·기관 위협 → P1 (defect with threat)",
            Category.PRODUCT_DEFECT, true, Channel.WEB, triage("P1", 4, false, true, false, false, true)),
        example("휴대폰 케이스 금형 불량, 웹 접수 → P2·품질 검사 (mould fault via web)",
            Category.PRODUCT_DEFECT, false, Channel.WEB, triage("P2", 8, false, true, false, false, false)),
        example("제품 하자, 소비자원 이관 → P2이지만 홍보 알림 (defect transferred by consumer agency)",
            Category.PRODUCT_DEFECT, false, Channel.CONSUMER_AGENCY, triage("P2", 8, false, true, false, false, true)),
        // Damage, wrong item, loss.
        example("운송 중 파손 + 위협 → P1·물류 조사 (transit damage with threat)",
            Category.TRANSIT_DAMAGE, true, Channel.EMAIL, triage("P1", 4, false, false, true, false, true)),
        example("오배송 + 위협 → P1 (wrong item with threat)",
            Category.WRONG_ITEM, true, Channel.PHONE, triage("P1", 4, false, false, true, false, true)),
        example("분실 + 위협, SNS → P1 (lost parcel with threat on SNS)",
            Category.LOST_PARCEL, true, Channel.SNS, triage("P1", 4, false, false, true, false, true)),
        example("한정판 피규어 상자 찌그러짐, 웹 → P2·물류 조사 (crushed box via web)",
            Category.TRANSIT_DAMAGE, false, Channel.WEB, triage("P2", 8, false, false, true, false, false)),
        example("오배송, 이메일 → P2·물류 조사 (wrong item by e-mail)",
            Category.WRONG_ITEM, false, Channel.EMAIL, triage("P2", 8, false, false, true, false, false)),
        example("분실, 커뮤니티 게시 → P2, 홍보 알림 (lost parcel posted on a community)",
            Category.LOST_PARCEL, false, Channel.COMMUNITY, triage("P2", 8, false, false, true, false, true)),
        // Delays.
        example("배송 지연 + 위협 → P1·물류 조사 (delivery delay with threat)",
            Category.DELIVERY_DELAY, true, Channel.PHONE, triage("P1", 4, false, false, true, false, true)),
        example("통관 지연 + 위협 → P1 (customs delay with threat)",
            Category.CUSTOMS_DELAY, true, Channel.WEB, triage("P1", 4, false, false, true, false, true)),
        example("배송 지연, 전화 독촉 → P3·물류 조사 (customer chasing a late delivery)",
            Category.DELIVERY_DELAY, false, Channel.PHONE, triage("P3", 16, false, false, true, false, false)),
        example("통관 지연, SNS → P3, 홍보 알림 (customs delay on SNS)",
            Category.CUSTOMS_DELAY, false, Channel.SNS, triage("P3", 16, false, false, true, false, true)),
        // Service and contact.
        example("서비스 불만 + 위협 → P1, 분석 없음 (service complaint with threat)",
            Category.SERVICE, true, Channel.PHONE, triage("P1", 4, false, false, false, false, true)),
        example("수신 거부 후 우편 계속 + 위협 → P1 (unwanted contact with threat)",
            Category.UNWANTED_CONTACT, true, Channel.EMAIL, triage("P1", 4, false, false, false, false, true)),
        example("서비스 불만, 매장 → P3, 상담팀 처리 (service complaint in store)",
            Category.SERVICE, false, Channel.STORE, triage("P3", 16, false, false, false, false, false)),
        example("수신 거부했는데 우편이 계속 옴, 이메일 → P3 (opted out but mail keeps coming)",
            Category.UNWANTED_CONTACT, false, Channel.EMAIL, triage("P3", 16, false, false, false, false, false)),
        example("SNS에서 브랜드 비난 → P3, 홍보 알림 (brand attacked on SNS)",
            Category.SERVICE, false, Channel.SNS, triage("P3", 16, false, false, false, false, true)),
        // Anything else.
        example("기타 불만 + 위협 → P1 (other complaint with threat)",
            Category.OTHER, true, Channel.PHONE, triage("P1", 4, false, false, false, false, true)),
        example("기타 불만, 웹 → P4 (other complaint via web)",
            Category.OTHER, false, Channel.WEB, triage("P4", 24, false, false, false, false, false)),
        example("기타 불만, 커뮤니티 게시 → P4, 홍보 알림 (other complaint on a community)",
            Category.OTHER, false, Channel.COMMUNITY, triage("P4", 24, false, false, false, false, true)));
  }

  @BeforeAll
  static void readTable() {
    table = DecisionTableFile.of(DECISION_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGetTheirTriage(Example example) {
    DmnDecisionTableResult result = evaluate(example.category(), example.externalThreat(), example.channel());

    assertThat(result).as("rules matched for %s", example).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .as("outputs for %s", example)
        .containsExactlyInAnyOrderEntriesOf(example.expected().asOutputs());
  }

  @Test
  void everyRuleIsExercisedByAnExample() {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    for (Named<Example> named : examples()) {
      Example example = named.getPayload();
      fresh.evaluate(variables(example.category(), example.externalThreat(), example.channel()));
    }

    assertThat(fresh.matchedRuleIds())
        .as("rules of %s matched by the examples; a rule without an example needs one in examples()", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @ParameterizedTest(name = "{0}: every channel, with and without threat → P1")
  @MethodSource("harmCategories")
  void bodilyHarmIsAlwaysP1(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Channel channel : Channel.values()) {
      for (boolean threat : new boolean[] {false, true}) {
        softly.assertThat(evaluate(category, threat, channel).getSingleResult().<String>getEntry("priority"))
            .as("priority of %s via %s, externalThreat=%s", category, channel, threat)
            .isEqualTo("P1");
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} with externalThreat=true → P1 on every channel")
  @EnumSource(Category.class)
  void anExternalThreatIsAlwaysP1(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Channel channel : Channel.values()) {
      softly.assertThat(evaluate(category, true, channel).getSingleResult().<String>getEntry("priority"))
          .as("priority of %s via %s with a media/agency threat", category, channel)
          .isEqualTo("P1");
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}: prRiskAlert = externalThreat or channel SNS/COMMUNITY/CONSUMER_AGENCY")
  @EnumSource(Category.class)
  void prRiskAlertFollowsThreatOrPublicOrAgencyChannel(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Channel channel : Channel.values()) {
      for (boolean threat : new boolean[] {false, true}) {
        boolean expected = threat || PUBLIC_OR_AGENCY_CHANNELS.contains(channel);
        softly.assertThat(evaluate(category, threat, channel).getSingleResult().<Boolean>getEntry("prRiskAlert"))
            .as("prRiskAlert of %s via %s, externalThreat=%s", category, channel, threat)
            .isEqualTo(expected);
      }
    }
    softly.assertAll();
  }

  /** The triage delegate refuses a case when the table gives no rule or leaves an output empty. */
  @ParameterizedTest(name = "{0}: one rule and every output for every channel and threat")
  @EnumSource(Category.class)
  void everyCategoryChannelAndThreatGetsAllOutputs(Category category) {
    SoftAssertions softly = new SoftAssertions();
    for (Channel channel : Channel.values()) {
      for (boolean threat : new boolean[] {false, true}) {
        DmnDecisionTableResult result = evaluate(category, threat, channel);
        softly.assertThat(result).as("rules matched for %s via %s, externalThreat=%s", category, channel, threat)
            .hasSize(1);
        if (result.size() == 1) {
          DmnDecisionRuleResult entries = result.getSingleResult();
          for (String output : TriageComplaintDelegate.OUTPUTS) {
            softly.assertThat((Object) entries.getEntry(output))
                .as("%s for %s via %s, externalThreat=%s", output, category, channel, threat)
                .isNotNull();
          }
        }
      }
    }
    softly.assertAll();
  }

  static Stream<Category> harmCategories() {
    return Arrays.stream(Category.values()).filter(Category::isHarm);
  }

  static DmnDecisionTableResult evaluate(Category category, boolean externalThreat, Channel channel) {
    return table.evaluate(variables(category, externalThreat, channel));
  }

  static Map<String, Object> variables(Category category, boolean externalThreat, Channel channel) {
    return Variables.createVariables()
        .putValue("category", category.name())
        .putValue("externalThreat", externalThreat)
        .putValue("channel", channel.name());
  }

}
