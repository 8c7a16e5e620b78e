package kr.complaintdesk.platform.web;

import static kr.complaintdesk.platform.web.ComplaintApiTest.AGENT;
import static kr.complaintdesk.platform.web.ComplaintApiTest.INTEGRATION;
import static kr.complaintdesk.platform.web.ComplaintApiTest.LEAD;
import static kr.complaintdesk.platform.web.ComplaintApiTest.assertKoreanConflict;
import static kr.complaintdesk.platform.web.ComplaintApiTest.assertProblem;
import static kr.complaintdesk.platform.web.ComplaintApiTest.atOnce;
import static kr.complaintdesk.platform.web.ComplaintApiTest.bodies;
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
 * ({@code POST …/visit-requests}). Only the customer-service desk may; bad input, unknown and closed cases, a second
 * request and a lost race are refused as problems in Korean, and a refusal changes nothing.
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
    assertThat(entry.path("summary").asText()).isEqualTo("방문 케어 요청 (지역 seoul)");
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

    assertProblem(api.post(visitRequests("C-1999-999999"), AGENT, json(Map.of("note", "증상"))), 404);
    assertKoreanConflict(api.post(visitRequests(closed), AGENT, json(Map.of("note", "증상"))), closed);
  }

  /** Care and triage decide how the customer is handled: the desk that holds the contact (and consent) does. */
  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"cs-director1", "region-seoul1", "safety-lab1", "quality1", "logistics1", "pr-risk1",
      INTEGRATION, "process-owner1"})
  void onlyTheCustomerServiceDeskRequestsVisits(String user) {
    String caseNumber = submit("PRODUCT_DEFECT");
    firstContact(caseNumber);

    Reply visit = api.post(visitRequests(caseNumber), user, json(Map.of("note", "증상")));

    assertProblem(visit, 403);
    assertThat(visit.json().path("detail").asText()).containsPattern("[가-힣]");
    assertThat(careVisits(caseNumber)).isZero();
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
