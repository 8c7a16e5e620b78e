package kr.complaintdesk.platform.web;

import static kr.complaintdesk.platform.web.ComplaintApiTest.AGENT;
import static kr.complaintdesk.platform.web.ComplaintApiTest.INTEGRATION;
import static kr.complaintdesk.platform.web.ComplaintApiTest.LEAD;
import static kr.complaintdesk.platform.web.ComplaintApiTest.assertKoreanConflict;
import static kr.complaintdesk.platform.web.ComplaintApiTest.assertProblem;
import static kr.complaintdesk.platform.web.ComplaintApiTest.atOnce;
import static kr.complaintdesk.platform.web.ComplaintApiTest.bodies;
import static kr.complaintdesk.platform.web.ComplaintApiTest.engineToday;
import static kr.complaintdesk.platform.web.ComplaintApiTest.fieldErrors;
import static kr.complaintdesk.platform.web.ComplaintApiTest.json;
import static kr.complaintdesk.platform.web.ComplaintApiTest.validIntake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case API's staff actions over real HTTP: requesting a care visit after the first contact
 * ({@code POST …/visit-requests}), correcting the category of a case ({@code POST …/classification}) and recording a
 * new expected delivery date ({@code POST …/eta}). Only the customer-service desk may (and logistics, for the date);
 * bad input, unknown and closed cases, a second request, a correction that changes nothing
 * and a lost race are refused as problems in Korean, and a refusal changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffCaseActionsApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  ApiClient api;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    driver = new CaseDriver(engine);
  }

  // ---------------------------------------------------------------- visit requests

  @Test
  void anAgentRequestsAVisitAfterTheFirstContactAndTheCustomersRegionMakesIt() {
    String caseNumber = submit("PRODUCT_DEFECT");
    firstContact(caseNumber);

    Reply reply = api.post(visitRequests(caseNumber), AGENT, json(Map.of("note", "파손된 모서리에 손을 베였다고 다시 연락")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(reply.json().path("visitRequested").asBoolean()).isTrue();
    assertThat(reply.json().path("region").asText()).isEqualTo("seoul");
    assertThat(careVisits(caseNumber)).isEqualTo(1);
    assertThat(driver.candidateGroups(driver.task(instance(caseNumber), "UserTask_ScheduleVisit")))
        .containsExactly("region-seoul");
    JsonNode entry = lastTimelineEntry(caseNumber);
    assertThat(entry.path("kind").asText()).isEqualTo("DECISION");
    assertThat(entry.path("actor").asText()).isEqualTo(AGENT);
    assertThat(entry.path("summary").asText()).isEqualTo("방문 케어 요청 (서울 지역 사업부)");
    assertThat(entry.path("details").asText()).isEqualTo("파손된 모서리에 손을 베였다고 다시 연락");
    assertThat(entry.path("at").asText()).isNotBlank();
  }

  @Test
  void aVisitIsRequestedAfterTheFirstContactAndOnceWhileItRuns() {
    String caseNumber = submit("PRODUCT_DEFECT");

    Reply early = api.post(visitRequests(caseNumber), LEAD, json(Map.of("note", "증상")));
    assertKoreanConflict(early, caseNumber);
    assertThat(early.json().path("detail").asText()).contains("1차 응대");
    firstContact(caseNumber);
    assertThat(api.post(visitRequests(caseNumber), LEAD, json(Map.of("note", "증상"))).status()).isEqualTo(202);
    int entries = timelineSize(caseNumber);

    Reply again = api.post(visitRequests(caseNumber), AGENT, json(Map.of("note", "증상 악화")));

    assertKoreanConflict(again, caseNumber);
    assertThat(again.json().path("detail").asText()).contains("진행 중인 방문 케어");
    assertThat(careVisits(caseNumber)).isEqualTo(1);
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void ofTwoRequestsAtOnceOneStartsTheCareAndTheOtherIsRefused() {
    String caseNumber = submit("PRODUCT_DEFECT");
    firstContact(caseNumber);

    List<Reply> replies = atOnce(2, n -> api.post(visitRequests(caseNumber), n == 0 ? AGENT : LEAD,
        json(Map.of("note", "동시에 요청 " + n))));

    assertThat(replies).as(bodies(replies)).extracting(Reply::status).containsExactlyInAnyOrder(202, 409);
    replies.stream().filter(reply -> reply.status() == 409).forEach(reply -> assertKoreanConflict(reply, caseNumber));
    assertThat(careVisits(caseNumber)).isEqualTo(1);
  }

  @Test
  void aVisitRequestSaysWhyTheVisitIsNeeded() {
    String caseNumber = submit("PRODUCT_DEFECT");
    firstContact(caseNumber);
    int entries = timelineSize(caseNumber);

    Reply noNote = api.post(visitRequests(caseNumber), AGENT, "{}");
    Reply blank = api.post(visitRequests(caseNumber), AGENT, json(Map.of("note", "  ")));
    Reply tooLong = api.post(visitRequests(caseNumber), AGENT, json(Map.of("note", "가".repeat(2001))));
    Reply notJson = api.post(visitRequests(caseNumber), AGENT, "{\"note\":");

    for (Reply reply : List.of(noNote, blank, tooLong)) {
      assertProblem(reply, 400);
    }
    assertThat(fieldErrors(noNote)).containsEntry("note", "필수 항목입니다 (방문이 필요한 까닭: 새로 생긴 증상, 고객의 요청)");
    assertThat(fieldErrors(blank)).containsKey("note");
    assertThat(fieldErrors(tooLong)).containsEntry("note", "2000자를 넘을 수 없습니다 (2001자)");
    assertProblem(notJson, 400);
    assertThat(careVisits(caseNumber)).isZero();
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void anUnknownCaseIs404AndAClosedCase409() {
    String closed = submit("SERVICE");
    assertThat(api.post("/api/complaints/" + closed + "/withdrawal", AGENT, json(Map.of("reason", "해결됨"))).status())
        .isEqualTo(200);
    String correction = json(Map.of("category", "INJURY", "note", "상처"));

    assertProblem(api.post(visitRequests("C-1999-999999"), AGENT, json(Map.of("note", "증상"))), 404);
    assertProblem(api.post(classification("C-1999-999999"), AGENT, correction), 404);
    assertKoreanConflict(api.post(visitRequests(closed), AGENT, json(Map.of("note", "증상"))), closed);
    assertKoreanConflict(api.post(classification(closed), AGENT, correction), closed);
  }

  /** Care and triage decide how the customer is handled: the desk that holds the contact (and consent) does. */
  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"cs-director1", "region-seoul1", "safety-lab1", "quality1", "logistics1", "pr-risk1",
      INTEGRATION, "process-owner1"})
  void onlyTheCustomerServiceDeskRequestsVisitsAndCorrectsTheCategory(String user) {
    String caseNumber = submit("PRODUCT_DEFECT");
    firstContact(caseNumber);

    Reply visit = api.post(visitRequests(caseNumber), user, json(Map.of("note", "증상")));
    Reply correction = api.post(classification(caseNumber), user, json(Map.of("category", "INJURY", "note", "상처")));

    for (Reply reply : List.of(visit, correction)) {
      assertProblem(reply, 403);
      assertThat(reply.json().path("detail").asText()).containsPattern("[가-힣]");
    }
    assertThat(careVisits(caseNumber)).isZero();
    assertThat(runtimeService.getVariable(instance(caseNumber).getId(), "category")).isEqualTo("PRODUCT_DEFECT");
  }

  // ---------------------------------------------------------------- classification

  @Test
  void anAgentCorrectsTheCategoryAndANewHarmMakesTheCaseP1() {
    String caseNumber = submit("PRODUCT_DEFECT");

    Reply reply = api.post(classification(caseNumber), AGENT,
        json(Map.of("category", "INJURY", "note", "용기 파손으로 손가락을 베였다고 함")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(reply.json().path("category").asText()).isEqualTo("INJURY");
    assertThat(reply.json().path("harm").asBoolean()).as("an injury is harm").isTrue();
    assertThat(reply.json().path("priority").asText()).isEqualTo("P1");
    JsonNode details = api.get("/api/complaints/" + caseNumber, AGENT).json();
    assertThat(details.path("category").asText()).isEqualTo("INJURY");
    assertThat(details.path("priority").asText()).isEqualTo("P1");
    assertThat(driver.task(instance(caseNumber), "UserTask_FirstContact").getPriority()).isEqualTo(80);
    JsonNode entry = lastTimelineEntry(caseNumber);
    assertThat(entry.path("actor").asText()).isEqualTo(AGENT);
    assertThat(entry.path("summary").asText())
        .startsWith("분류 정정: 불만 유형 제품 하자 → 신체 상해, 신체 피해 아니요 → 예, ").contains("우선순위 P2 → P1");
    assertThat(entry.path("details").asText()).isEqualTo("용기 파손으로 손가락을 베였다고 함");
  }

  @Test
  void aLeadCorrectsToALowerCategoryAndThePriorityStays() {
    String caseNumber = submit("PRODUCT_DEFECT");
    Map<String, Object> correction = Map.of("category", " SERVICE ", "harm", false, "note", "제품이 아니라 상담 불만");

    Reply reply = api.post(classification(caseNumber), LEAD, json(correction));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("category").asText()).isEqualTo("SERVICE");
    assertThat(reply.json().path("harm").asBoolean()).isFalse();
    assertThat(reply.json().path("priority").asText()).isEqualTo("P2");
    assertThat(lastTimelineEntry(caseNumber).path("actor").asText()).isEqualTo(LEAD);

    Reply again = api.post(classification(caseNumber), AGENT, json(correction));

    assertKoreanConflict(again, caseNumber);
    assertThat(again.json().path("detail").asText()).contains("이미 서비스·응대, 신체 피해 없음으로");
  }

  @Test
  void aCorrectionNamesWhatIsWrongAndChangesNothing() {
    String caseNumber = submit("PRODUCT_DEFECT");
    int entries = timelineSize(caseNumber);

    Reply unknown = api.post(classification(caseNumber), AGENT, json(Map.of("category", "FOOD_POISONING", "note", "식중독")));
    Reply injuryWithoutHarm = api.post(classification(caseNumber), AGENT,
        json(Map.of("category", "INJURY", "harm", false, "note", "상처")));
    Reply noNote = api.post(classification(caseNumber), AGENT, json(Map.of("category", "INJURY")));
    Reply noCategory = api.post(classification(caseNumber), AGENT, json(Map.of("note", "상처")));
    Reply harmNotBoolean = api.post(classification(caseNumber), AGENT,
        "{\"category\":\"INJURY\",\"harm\":{\"yes\":1},\"note\":\"상처\"}");

    for (Reply reply : List.of(unknown, injuryWithoutHarm, noNote, noCategory, harmNotBoolean)) {
      assertProblem(reply, 400);
    }
    assertThat(fieldErrors(unknown).get("category")).startsWith("알 수 없는 값 'FOOD_POISONING'");
    assertThat(fieldErrors(injuryWithoutHarm))
        .containsEntry("harm", "피부·건강 이상과 신체 상해는 신체 피해가 있는 불만 유형입니다 (신체 피해는 있음으로 하거나 비워 두세요)");
    assertThat(fieldErrors(noNote)).containsEntry("note", "필수 항목입니다 (무엇을 왜 바로잡는지)");
    assertThat(fieldErrors(noCategory)).containsEntry("category", "필수 항목입니다");
    assertThat(runtimeService.getVariables(instance(caseNumber).getId()))
        .containsEntry("category", "PRODUCT_DEFECT").containsEntry("priority", "P2");
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void theOpenApiDescriptionHasBothStaffActionsWithTheirBodies() {
    JsonNode description = api.send("GET", "/v3/api-docs", null, null, null).json();

    assertThat(description.path("paths").path("/api/complaints/{caseNumber}/visit-requests").has("post")).isTrue();
    assertThat(description.path("paths").path("/api/complaints/{caseNumber}/classification").has("post")).isTrue();
    JsonNode schemas = description.path("components").path("schemas");
    assertThat(schemas.path("VisitRequest").path("properties").has("note")).isTrue();
    assertThat(schemas.path("Classification").path("properties").has("category")).isTrue();
    assertThat(schemas.path("Classification").path("properties").has("harm")).isTrue();
  }

  // ---------------------------------------------------------------- expected delivery date

  @Test
  void anAgentAndThenLogisticsChangeTheEtaTheCaseKeepsItAndTheCustomerIsToldEachTime() {
    String caseNumber = submit("DELIVERY_DELAY");
    String first = engineToday().plusDays(3).toString();
    String second = engineToday().plusDays(5).toString();

    Reply reply = api.post(eta(caseNumber), AGENT,
        json(Map.of("eta", first, "whereabouts", " 인천공항 세관 검사 중 ", "reason", "세관 추가 검사")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(reply.json().path("deliveryEta").asText()).isEqualTo(first);
    assertThat(reply.json().path("parcelWhereabouts").asText()).isEqualTo("인천공항 세관 검사 중");
    assertThat(runtimeService.getVariables(instance(caseNumber).getId()))
        .containsEntry("deliveryEta", first).containsEntry("parcelWhereabouts", "인천공항 세관 검사 중");
    JsonNode change = timelineEntries(caseNumber).stream().filter(e -> e.path("kind").asText().equals("DECISION"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(change.path("actor").asText()).isEqualTo(AGENT);
    assertThat(change.path("summary").asText()).isEqualTo("배송 예정일 변경: 없음 → " + first);
    assertThat(change.path("details").asText()).contains("인천공항 세관 검사 중").contains("세관 추가 검사");
    JsonNode told = lastTimelineEntry(caseNumber);
    assertThat(told.path("kind").asText()).isEqualTo("MESSAGE");
    assertThat(told.path("summary").asText()).contains("배송 예정일이 바뀌었습니다").contains(caseNumber);
    assertThat(told.path("details").asText()).contains(caseNumber + ":DELIVERY_STATUS_UPDATE:1");

    Reply again = api.post(eta(caseNumber), "logistics1",
        json(Map.of("eta", second, "whereabouts", "대전 허브 도착", "reason", "통관 완료, 국내 운송 시작")));

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(runtimeService.getVariable(instance(caseNumber).getId(), "deliveryEta")).isEqualTo(second);
    assertThat(timelineEntries(caseNumber)).extracting(e -> e.path("summary").asText())
        .contains("배송 예정일 변경: " + first + " → " + second);
    assertThat(jdbc.queryForList("SELECT reference FROM outbound_message WHERE case_number = ? AND template = ? "
        + "ORDER BY reference", String.class, caseNumber, "DELIVERY_STATUS_UPDATE"))
        .as("one status update per change").containsExactly(caseNumber + ":DELIVERY_STATUS_UPDATE:1",
            caseNumber + ":DELIVERY_STATUS_UPDATE:2");
  }

  @Test
  void anEtaChangeNamesWhatIsWrongInKoreanAndChangesNothing() {
    String caseNumber = submit("DELIVERY_DELAY");
    int entries = timelineSize(caseNumber);
    String future = engineToday().plusDays(2).toString();

    Reply past = api.post(eta(caseNumber), AGENT,
        json(Map.of("eta", engineToday().minusDays(1).toString(), "whereabouts", "허브", "reason", "지연")));
    Reply blankReason = api.post(eta(caseNumber), AGENT, json(Map.of("eta", future, "whereabouts", "허브", "reason", "  ")));
    Reply noEta = api.post(eta(caseNumber), AGENT, json(Map.of("whereabouts", "허브", "reason", "지연")));
    Reply notADate = api.post(eta(caseNumber), AGENT, json(Map.of("eta", "2026-02-30", "whereabouts", "허브", "reason", "지연")));
    Reply noWhereabouts = api.post(eta(caseNumber), AGENT, json(Map.of("eta", future, "reason", "지연")));
    Reply tooFar = api.post(eta(caseNumber), AGENT,
        json(Map.of("eta", engineToday().plusDays(400).toString(), "whereabouts", "허브", "reason", "지연")));

    for (Reply reply : List.of(past, blankReason, noEta, notADate, noWhereabouts, tooFar)) {
      assertProblem(reply, 400);
    }
    assertThat(fieldErrors(past)).containsEntry("eta", "배송 예정일은 오늘(" + engineToday() + ")이나 그 뒤의 날짜여야 합니다");
    assertThat(fieldErrors(blankReason)).containsEntry("reason", "필수 항목입니다 (배송 예정일이 바뀐 까닭)");
    assertThat(fieldErrors(noEta)).containsEntry("eta", "필수 항목입니다 (새 배송 예정일, YYYY-MM-DD)");
    assertThat(fieldErrors(notADate)).containsEntry("eta", "없는 날짜이거나 YYYY-MM-DD 형식이 아닙니다");
    assertThat(fieldErrors(noWhereabouts)).containsKey("whereabouts");
    assertThat(fieldErrors(tooFar).get("eta")).contains("365일 안");
    assertThat(runtimeService.getVariable(instance(caseNumber).getId(), "deliveryEta")).isNull();
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_message WHERE case_number = ? AND template = ?",
        Integer.class, caseNumber, "DELIVERY_STATUS_UPDATE")).isZero();
  }

  @Test
  void anEtaForAnUnknownCaseIs404AndForAClosedCase409() {
    String closed = submit("DELIVERY_DELAY");
    assertThat(api.post("/api/complaints/" + closed + "/withdrawal", AGENT, json(Map.of("reason", "받았음"))).status())
        .isEqualTo(200);
    String change = json(Map.of("eta", engineToday().plusDays(1).toString(), "whereabouts", "허브", "reason", "지연"));

    Reply unknown = api.post(eta("C-1999-999999"), AGENT, change);
    Reply late = api.post(eta(closed), "logistics1", change);

    assertProblem(unknown, 404);
    assertThat(unknown.json().path("detail").asText()).contains("C-1999-999999").containsPattern("[가-힣]");
    assertKoreanConflict(late, closed);
    assertThat(late.json().path("detail").asText()).contains("종결");
  }

  /** A delivery date belongs to a late parcel: a skin-reaction case is not told about one, and is not offered the action. */
  @Test
  void anEtaForACaseThatIsNoDelayIs409AndNotOffered() {
    String caseNumber = submit("HEALTH_HARM");
    int entries = timelineSize(caseNumber);

    Reply refused = api.post(eta(caseNumber), AGENT,
        json(Map.of("eta", engineToday().plusDays(1).toString(), "whereabouts", "허브", "reason", "지연")));

    assertKoreanConflict(refused, caseNumber);
    assertThat(refused.json().path("detail").asText()).contains("배송 지연 사건이 아닙니다");
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(api.get("/api/complaints/" + caseNumber, AGENT).json().path("actions").toString()).doesNotContain("DELIVERY_ETA");
    assertThat(api.get("/api/complaints/" + submit("DELIVERY_DELAY"), AGENT).json().path("actions").toString())
        .contains("DELIVERY_ETA");
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"cs-director1", "region-seoul1", "safety-lab1", "quality1", "pr-risk1", INTEGRATION,
      "process-owner1"})
  void onlyTheCustomerServiceDeskAndLogisticsChangeTheEta(String user) {
    String caseNumber = submit("DELIVERY_DELAY");

    Reply refused = api.post(eta(caseNumber), user,
        json(Map.of("eta", engineToday().plusDays(1).toString(), "whereabouts", "허브", "reason", "지연")));

    assertProblem(refused, 403);
    assertThat(refused.json().path("detail").asText()).contains("물류팀");
    assertThat(runtimeService.getVariable(instance(caseNumber).getId(), "deliveryEta")).isNull();
  }

  @Test
  void theOpenApiDescriptionHasTheEtaChangeWithItsBody() {
    JsonNode description = api.send("GET", "/v3/api-docs", null, null, null).json();

    assertThat(description.path("paths").path("/api/complaints/{caseNumber}/eta").has("post")).isTrue();
    JsonNode body = description.path("components").path("schemas").path("EtaChange").path("properties");
    assertThat(body.has("eta") && body.has("whereabouts") && body.has("reason")).isTrue();
  }

  // ---------------------------------------------------------------- helpers

  private String submit(String category) {
    Reply reply = api.post("/api/complaints", INTEGRATION, json(validIntake(category)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("caseNumber").asText();
  }

  private void firstContact(String caseNumber) {
    driver.complete(instance(caseNumber), "UserTask_FirstContact", AGENT, "contactNotes", "사과와 경위 확인",
        "remedySought", "EXCHANGE");
  }

  private static String visitRequests(String caseNumber) {
    return "/api/complaints/" + caseNumber + "/visit-requests";
  }

  private static String classification(String caseNumber) {
    return "/api/complaints/" + caseNumber + "/classification";
  }

  private static String eta(String caseNumber) {
    return "/api/complaints/" + caseNumber + "/eta";
  }

  private List<JsonNode> timelineEntries(String caseNumber) {
    List<JsonNode> entries = new java.util.ArrayList<>();
    api.get("/api/complaints/" + caseNumber + "/timeline", AGENT).json().forEach(entries::add);
    return entries;
  }

  private long careVisits(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("care-visit")
        .processInstanceBusinessKey(caseNumber).count();
  }

  private ProcessInstance instance(String caseNumber) {
    ProcessInstance pi = driver.running("complaint-case", caseNumber);
    assertThat(pi).as("running case %s", caseNumber).isNotNull();
    return pi;
  }

  private JsonNode lastTimelineEntry(String caseNumber) {
    JsonNode entries = api.get("/api/complaints/" + caseNumber + "/timeline", AGENT).json();
    return entries.get(entries.size() - 1);
  }

  private int timelineSize(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE case_number = ?", Integer.class, caseNumber);
  }
}
