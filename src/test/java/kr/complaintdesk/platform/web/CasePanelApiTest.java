package kr.complaintdesk.platform.web;

import kr.complaintdesk.support.TestData;
import static kr.complaintdesk.platform.web.ComplaintApiTest.AGENT;
import static kr.complaintdesk.platform.web.ComplaintApiTest.INTEGRATION;
import static kr.complaintdesk.platform.web.ComplaintApiTest.LEAD;
import static kr.complaintdesk.platform.web.ComplaintApiTest.assertProblem;
import static kr.complaintdesk.platform.web.ComplaintApiTest.customer;
import static kr.complaintdesk.platform.web.ComplaintApiTest.json;
import static kr.complaintdesk.platform.web.ComplaintApiTest.validIntake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What Tasklist's case panel reads beside a task, over real HTTP: the case's owner and what the caller may record
 * on it, its open tasks with who holds them, the timeline with the names of who acted, the payouts, and a merge of
 * two customers on the timeline of their cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CasePanelApiTest {

  static final String SYSTEM_NAME = "시스템 (자동 처리)";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseInstances instances;
  @Autowired TaskService taskService;

  ApiClient api;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    driver = new CaseDriver(engine);
  }

  @Test
  void theCaseNamesItsOwnerFromTheFirstContactOn() {
    String caseNumber = submit(validIntake("SERVICE"));
    ProcessInstance pi = instance(caseNumber);
    assertThat(caseOf(caseNumber, AGENT).path("owner").isNull()).as("no owner before the first contact").isTrue();

    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "사과함", "remedySought", "APOLOGY");

    JsonNode owner = caseOf(caseNumber, LEAD).path("owner");
    assertThat(owner.path("id").asText()).isEqualTo(AGENT);
    assertThat(owner.path("name").asText()).isEqualTo("고객상담팀 상담원 데모1 (cs-agent1)");
  }

  @Test
  void theCaseSaysWhatTheCallerMayRecordOnItWhileOpenAndOnceClosed() {
    // A late parcel: the delivery date may be changed too.
    String caseNumber = submit(validIntake("DELIVERY_DELAY"));

    assertThat(actions(caseNumber, AGENT)).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL",
        "VISIT_REQUEST", "RECLASSIFICATION", "DELIVERY_ETA", "MERGE_CUSTOMERS");
    assertThat(actions(caseNumber, LEAD)).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL",
        "VISIT_REQUEST", "RECLASSIFICATION", "DELIVERY_ETA", "MERGE_CUSTOMERS");
    assertThat(actions(caseNumber, "logistics1")).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL",
        "DELIVERY_ETA");
    assertThat(actions(caseNumber, "quality1")).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL");
    assertThat(actions(caseNumber, "region-busan1")).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL");

    assertThat(api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, "{\"reason\":\"고객 요청\"}").status())
        .isEqualTo(200);

    assertThat(actions(caseNumber, AGENT)).as("a closed case takes no more records; its customer may still be merged")
        .containsExactly("MERGE_CUSTOMERS");
    assertThat(actions(caseNumber, "quality1")).isEmpty();
    assertThat(actions(caseNumber, "logistics1")).as("no new delivery date for a closed case").isEmpty();
    // What the panel leaves out the API refuses, too.
    assertProblem(api.post("/api/complaints/" + caseNumber + "/contacts", AGENT, "{\"channel\":\"PHONE\"}"), 409);
  }

  @Test
  void openTasksNameWhoHoldsThemOrWhichGroupsMayTakeThemAndWhenTheyAreDue() {
    Map<String, Object> intake = validIntake("HEALTH_HARM");
    customer(intake).put("region", "busan");
    String caseNumber = submit(intake);
    ProcessInstance pi = instance(caseNumber);
    driver.executeJobs(pi);

    JsonNode firstContact = single(tasks(caseNumber), "고객 1차 응대");
    assertThat(firstContact.path("id").asText()).isEqualTo(driver.task(pi, "UserTask_FirstContact").getId());
    assertThat(firstContact.path("processName").asText()).isEqualTo("고객 불만 사건 처리");
    assertThat(firstContact.path("assignee").isNull()).isTrue();
    assertThat(firstContact.path("candidateGroups").toString())
        .isEqualTo("[{\"id\":\"cs-agent\",\"name\":\"고객상담팀 상담원\"}]");
    assertThat(OffsetDateTime.parse(firstContact.path("dueAt").asText()))
        .as("the first-response SLA").isAfter(OffsetDateTime.parse(firstContact.path("createdAt").asText()));
    assertThat(firstContact.path("priority").asInt()).isBetween(80, 84);

    taskService.claim(driver.task(pi, "UserTask_FirstContact").getId(), AGENT);
    assertThat(single(tasks(caseNumber), "고객 1차 응대").path("assignee").toString())
        .isEqualTo("{\"id\":\"cs-agent1\",\"name\":\"고객상담팀 상담원 데모1 (cs-agent1)\"}");

    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "얼굴 발진, 사진 확보",
        "remedySought", "TREATMENT_COSTS", "visitConsent", true);
    driver.executeJobs(pi);

    List<JsonNode> open = tasks(caseNumber);
    Task schedule = driver.task(pi, "UserTask_ScheduleVisit");
    JsonNode visit = single(open, schedule.getName());
    assertThat(visit.path("id").asText()).isEqualTo(schedule.getId());
    assertThat(visit.path("processName").asText()).as("a task of a called process").isEqualTo("방문 케어");
    assertThat(visit.path("candidateGroups").findValuesAsText("id")).containsExactly("region-busan");
    assertThat(open).extracting(t -> t.path("name").asText()).doesNotContain("고객 1차 응대");
    List<String> created = open.stream().map(t -> t.path("createdAt").asText()).toList();
    assertThat(created).as("oldest first").isSortedAccordingTo((a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)));
  }

  @Test
  void theTimelineNamesWhoActedAsStaffKnowThem() {
    String caseNumber = submit(validIntake("SERVICE"));
    assertThat(api.post("/api/complaints/" + caseNumber + "/contacts", AGENT,
        "{\"channel\":\"PHONE\",\"note\":\"다시 전화함\"}").status()).isEqualTo(202);

    List<JsonNode> entries = timeline(caseNumber);

    JsonNode triage = entries.stream().filter(e -> e.path("kind").asText().equals("DECISION")).findFirst().orElseThrow();
    assertThat(triage.path("actor").asText()).isEqualTo("system");
    assertThat(triage.path("actorName").asText()).isEqualTo(SYSTEM_NAME);
    JsonNode contact = entries.get(entries.size() - 1);
    assertThat(contact.path("kind").asText()).isEqualTo("CONTACT");
    assertThat(contact.path("actor").asText()).isEqualTo(AGENT);
    assertThat(contact.path("actorName").asText()).isEqualTo("고객상담팀 상담원 데모1 (cs-agent1)");
    assertThat(entries.get(0).path("kind").asText()).isEqualTo("INTAKE");
    assertThat(entries.get(0).path("actorName").asText()).startsWith("채널 연동").endsWith("(channel-integration1)");
  }

  @Test
  void payoutsShowWhatThePaymentSystemConfirmed() {
    String caseNumber = submit(validIntake("SERVICE"));
    ProcessInstance pi = instance(caseNumber);
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "불친절 응대 사과", "remedySought", "COUPON");
    driver.complete(pi, "UserTask_PrepareOffer", AGENT, "companyFault", "YES", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer("COUPON", 15000L), "offerText", "다음 주문 쿠폰", "remedyDeviationReason", "고객 희망");
    assertThat(payouts(caseNumber)).as("nothing paid before the answer").isEmpty();
    assertThat(api.post("/api/complaints/" + caseNumber + "/responses", AGENT, "{\"accepted\":true}").status()).isEqualTo(200);
    driver.executeJobs(pi);
    driver.executeJobs(pi);

    List<JsonNode> paid = payouts(caseNumber);

    assertThat(paid).hasSize(1);
    assertThat(paid.get(0).path("remedy").asText()).isEqualTo("COUPON");
    assertThat(paid.get(0).path("amountKrw").asLong()).isEqualTo(15000L);
    assertThat(paid.get(0).path("reference").asText()).startsWith(caseNumber + "-");
    assertThat(paid.get(0).path("transactionId").asText()).isNotBlank();
    assertThat(paid.get(0).path("paidAt").asText()).isNotBlank();
    assertThat(caseOf(caseNumber, AGENT).path("offers").get(0).path("accepted").asBoolean()).isTrue();
  }

  @Test
  void aMergeOfTwoCustomersIsOnTheTimelineOfEachOfTheirCasesWithWhoMergedThem() {
    JsonNode a = submitReply(validIntake("SERVICE"));
    JsonNode b = submitReply(validIntake("DELIVERY_DELAY"));
    String aId = a.path("customerId").asText();
    String bId = b.path("customerId").asText();

    Reply merged = api.post("/api/customers/" + aId + "/merge", LEAD, json(Map.of("mergedCustomerId", bId)));

    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    for (JsonNode submitted : List.of(a, b)) {
      JsonNode last = lastEntry(submitted.path("caseNumber").asText());
      assertThat(last.path("kind").asText()).isEqualTo("CUSTOMER_MERGED");
      assertThat(last.path("actor").asText()).isEqualTo(LEAD);
      assertThat(last.path("summary").asText()).contains(aId).contains(bId);
      assertThat(last.path("at").asText()).isNotBlank();
    }
  }

  @Test
  void theFormsNamesOfFieldsAndOptionsAreThereForThePanel() {
    Reply reply = api.get("/api/form-labels", "quality1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("fields").path("contactNotes").asText())
        .as("the name refusals use too").isEqualTo(FormLabels.of("contactNotes")).containsPattern("[가-힣]");
    assertThat(reply.json().path("fields").path("returnReceivedOn").asText()).isEqualTo("반품 도착일");
    JsonNode channels = reply.json().path("options").path("channel");
    assertThat(channels.fieldNames()).toIterable().as("in the intake form's order")
        .containsExactly("PHONE", "WEB", "EMAIL", "SNS", "COMMUNITY", "CONSUMER_AGENCY", "STORE");
    assertThat(channels.path("PHONE").asText()).isEqualTo("전화");
    assertThat(reply.json().path("options").path("threatKind").path("VIRAL_POST").asText()).isEqualTo("온라인 확산 게시");
    assertThat(reply.json().path("options").path("lineRemedy").path("COUPON").asText()).isEqualTo("쿠폰");
    assertProblem(api.get("/api/form-labels", INTEGRATION), 403);
  }

  @Test
  void theNewReadsAreForStaffOnlyAndNameAnUnknownCase() {
    String caseNumber = submit(validIntake("SERVICE"));
    for (String path : List.of("/tasks", "/payouts")) {
      assertThat(api.get("/api/complaints/" + caseNumber + path, "quality1").status()).as(path).isEqualTo(200);
      assertProblem(api.get("/api/complaints/" + caseNumber + path, INTEGRATION), 403);
      assertProblem(api.get("/api/complaints/" + caseNumber + path, "process-owner1"), 403);
      Reply unknown = api.get("/api/complaints/C-1999-999999" + path, AGENT);
      assertProblem(unknown, 404);
      assertThat(unknown.json().path("detail").asText()).contains("C-1999-999999");
    }
  }

  @Test
  void theCustomerFileIsTheCustomerServiceDesksOthersAreToldWhy() {
    String customerId = submitReply(validIntake("HEALTH_HARM")).path("customerId").asText();
    for (String user : List.of(AGENT, LEAD, "cs-director1")) {
      assertThat(api.get("/api/customers/" + customerId, user).status()).as(user).isEqualTo(200);
      assertThat(api.get("/api/customers/" + customerId + "/complaints", user).status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("quality1", "safety-lab1", "logistics1", "region-seoul1", "pr-risk1")) {
      for (String path : List.of("", "/complaints")) {
        Reply refused = api.get("/api/customers/" + customerId + path, user);
        assertProblem(refused, 403);
        assertThat(refused.json().path("detail").asText()).as(user).contains("고객상담팀");
        assertThat(refused.body()).as(user).doesNotContain("010-7");
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private String submit(Map<String, Object> intake) {
    return submitReply(intake).path("caseNumber").asText();
  }

  private JsonNode submitReply(Map<String, Object> intake) {
    Reply reply = api.post("/api/complaints", INTEGRATION, json(intake));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private ProcessInstance instance(String caseNumber) {
    ProcessInstance pi = instances.caseInstance(caseNumber);
    assertThat(pi).as("running case %s", caseNumber).isNotNull();
    return pi;
  }

  private JsonNode caseOf(String caseNumber, String user) {
    Reply reply = api.get("/api/complaints/" + caseNumber, user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private List<String> actions(String caseNumber, String user) {
    return list(caseOf(caseNumber, user).path("actions")).stream().map(JsonNode::asText).toList();
  }

  private List<JsonNode> tasks(String caseNumber) {
    return read("/api/complaints/" + caseNumber + "/tasks");
  }

  private List<JsonNode> timeline(String caseNumber) {
    return read("/api/complaints/" + caseNumber + "/timeline");
  }

  private JsonNode lastEntry(String caseNumber) {
    List<JsonNode> entries = timeline(caseNumber);
    return entries.get(entries.size() - 1);
  }

  private List<JsonNode> payouts(String caseNumber) {
    return read("/api/complaints/" + caseNumber + "/payouts");
  }

  private List<JsonNode> read(String path) {
    Reply reply = api.get(path, AGENT);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return list(reply.json());
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static JsonNode single(List<JsonNode> tasks, String name) {
    List<JsonNode> named = tasks.stream().filter(t -> t.path("name").asText().equals(name)).toList();
    assertThat(named).as("open task %s among %s", name, tasks).hasSize(1);
    return named.get(0);
  }
}
