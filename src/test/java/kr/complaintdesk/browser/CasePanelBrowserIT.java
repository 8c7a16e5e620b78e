package kr.complaintdesk.browser;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.Requires;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist's case panel (the tab "사건" of a task) in a real (headless) Chromium: it shows the case of the task, its
 * customer with every identity and earlier complaints, the open tasks and the timeline; staff record a contact, a
 * threat, an abuse report, a merge of two customers and a withdrawal from it, each confirmed first, and bad input
 * is answered with the case API's Korean reasons beside the fields. What each action did is checked in the case
 * API (as a lead reads it), never in how the browser renders a date.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    // Selenium warns on every browser start that it has no DevTools bindings for this Chromium; none are used.
    "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
    "logging.level.org.openqa.selenium.chromium.ChromiumDriver=error"})
@ActiveProfiles("test")
@Requires(ExternalTool.CHROMIUM)
class CasePanelBrowserIT {

  static final String FIRST_CONTACT = "고객 1차 응대";
  static final String SCHEDULE_VISIT = "방문 일정 확정";
  static final String PASSWORD = "demo";
  static final String AGENT = "cs-agent1";
  /** A picture of the panel for people reviewing it; kept whether the test passes or not. */
  static final Path PICTURE = Browsers.SCREENSHOTS.resolve("case-panel.png");

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;
  CaseDriver cases;
  /** The cases this test started; removed afterwards so that Tasklist's lists hold only this test's tasks. */
  final List<ProcessInstance> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    cases = new CaseDriver(engine);
  }

  @AfterEach
  void removeCases() {
    runtimeService.deleteProcessInstancesIfExists(started.stream().map(ProcessInstance::getId).toList(),
        "browser test finished", true, true, false);
  }

  @Test
  void anAgentSeesTheCaseBesideTheTaskAndRecordsEveryStaffActionFromIt() throws IOException {
    String name = unique("김하늘");
    String phone = uniquePhone();
    String email = TestData.email("haneul");
    ProcessInstance earlier = startCase(intake("DELIVERY_DELAY", "busan").putValue("customerName", name)
        .putValue("customerPhone", phone));
    ProcessInstance complaint = startCase(intake("PRODUCT_DEFECT", "busan").putValue("customerName", name)
        .putValue("customerPhone", phone).putValue("customerEmail", email));
    // The same person, registered once more under another number: the agent merges the two.
    ProcessInstance elsewhere = startCase(intake("SERVICE", "busan").putValue("customerName", name)
        .putValue("customerPhone", uniquePhone()));
    String caseNumber = complaint.getBusinessKey();
    String customerId = lead("/api/complaints/" + caseNumber).path("customerId").asText();
    String otherCustomerId = lead("/api/complaints/" + elsewhere.getBusinessKey()).path("customerId").asText();
    assertThat(otherCustomerId).isNotEqualTo(customerId);
    Task firstContact = cases.task(complaint, "UserTask_FirstContact");

    Tasklist agent = browsers.open(baseUrl()).login(AGENT, PASSWORD);
    agent.openTask("내 그룹 작업", caseNumber, FIRST_CONTACT);
    CasePanel panel = agent.openCasePanel(caseNumber);

    assertThat(panel.summary()).contains(caseNumber).contains("제품 하자").contains("진행 중");
    assertThat(panel.customerId()).isEqualTo(customerId);
    assertThat(panel.customerSection()).contains(name).contains(phone).contains(email);
    assertThat(panel.earlierComplaints()).containsExactly(earlier.getBusinessKey());
    assertThat(panel.taskHolders()).containsEntry(firstContact.getId(), "맡은 사람 없음 · 맡을 수 있는 그룹: 고객상담팀 상담원");
    assertThat(panel.timelineKinds()).contains("INTAKE", "DECISION");
    assertThat(panel.actions()).as("no delivery date on a product defect").containsExactly("CONTACT", "THREAT",
        "ABUSE_REPORT", "WITHDRAWAL", "VISIT_REQUEST", "RECLASSIFICATION", "MERGE_CUSTOMERS");

    // Bad input: the case API's reasons, in Korean, beside the fields; nothing is recorded.
    int entriesBefore = timeline(caseNumber).size();
    assertThat(panel.fill("THREAT", Map.of("kind", "MEDIA", "publicPostUrl", "게시물 주소 아님")).submit("THREAT"))
        .isEqualTo("외부 위협을 기록하고 사건을 P1(긴급)으로 격상하시겠습니까?");
    assertThat(panel.confirmRefused("THREAT")).startsWith("입력값이 올바르지 않습니다")
        .as("no field ids, no reason twice").doesNotContain("note").doesNotContain("publicPostUrl").doesNotContain(":");
    assertThat(panel.fieldErrors("THREAT")).containsOnlyKeys("note", "publicPostUrl")
        .allSatisfy((field, reason) -> assertThat(reason).containsPattern("[가-힣]"));
    assertThat(timeline(caseNumber)).hasSize(entriesBefore);
    // A refusal that is about no field: the case API's Korean reason.
    panel.fill("MERGE_CUSTOMERS", Map.of("mergedCustomerId", customerId)).submit("MERGE_CUSTOMERS");
    assertThat(panel.confirmRefused("MERGE_CUSTOMERS")).contains("이미 한 고객입니다");
    // Answering no sends nothing.
    panel.fill("CONTACT", Map.of("note", "보내지 않을 내용")).submit("CONTACT");
    panel.cancel("CONTACT");
    assertThat(timeline(caseNumber)).hasSize(entriesBefore);

    assertThat(panel.fill("CONTACT", Map.of("channel", "EMAIL", "note", "배송 상황을 다시 문의함")).submit("CONTACT"))
        .isEqualTo("고객 연락을 기록하시겠습니까?");
    assertThat(panel.confirm("CONTACT")).isEqualTo("고객 연락을 기록했습니다.");
    assertRecordedByAgent(caseNumber, "CONTACT", "배송 상황을 다시 문의함");
    assertThat(panel.timelineKinds().get(0)).isEqualTo("CONTACT");
    assertThat(panel.newestTimelineRow()).contains("고객상담팀 상담원 데모1 (cs-agent1)").contains("고객 재연락 (이메일)")
        .contains("배송 상황을 다시 문의함");

    // A visit is requested after the first contact: before it, the case API's Korean reason, and nothing recorded.
    int beforeVisit = timeline(caseNumber).size();
    assertThat(panel.fill("VISIT_REQUEST", Map.of("note", "사용 뒤 두드러기가 생겼다고 함")).submit("VISIT_REQUEST"))
        .isEqualTo("방문 케어를 요청하시겠습니까?");
    assertThat(panel.confirmRefused("VISIT_REQUEST")).contains("1차 응대가 아직 끝나지 않았습니다");
    assertThat(timeline(caseNumber)).hasSize(beforeVisit);

    // A harm learned later: the category is corrected, triage runs again and the case becomes P1.
    assertThat(panel.fill("RECLASSIFICATION", Map.of("category", "HEALTH_HARM", "note", "제품 사용 뒤 피부 발진을 알림"))
        .submit("RECLASSIFICATION")).isEqualTo("불만 유형을 바로잡고 분류를 다시 실행하시겠습니까?");
    assertThat(panel.confirm("RECLASSIFICATION")).isEqualTo("불만 유형을 바로잡았습니다.");
    assertRecordedByAgent(caseNumber, "DECISION", "제품 사용 뒤 피부 발진을 알림");
    JsonNode reclassified = lead("/api/complaints/" + caseNumber);
    assertThat(reclassified.path("category").asText()).isEqualTo("HEALTH_HARM");
    assertThat(reclassified.path("priority").asText()).isEqualTo("P1");

    assertThat(panel.fill("THREAT", Map.of("kind", "MEDIA", "note", "내일까지 답이 없으면 방송국에 제보하겠다고 함",
        "publicPostUrl", "https://community.example.kr/posts/4711")).submit("THREAT")).endsWith("하시겠습니까?");
    assertThat(panel.confirm("THREAT")).isEqualTo("외부 위협을 제기했습니다. 사건이 P1이 되었습니다.");
    assertRecordedByAgent(caseNumber, "ESCALATION", "방송국에 제보");
    assertThat(lead("/api/complaints/" + caseNumber).path("priority").asText()).isEqualTo("P1");
    assertThat(panel.summary()).contains("P1");

    assertThat(panel.fill("MERGE_CUSTOMERS", Map.of("mergedCustomerId", otherCustomerId)).submit("MERGE_CUSTOMERS"))
        .endsWith("하시겠습니까?");
    assertThat(panel.confirm("MERGE_CUSTOMERS")).isEqualTo("두 고객을 합쳤습니다.");
    assertRecordedByAgent(caseNumber, "CUSTOMER_MERGED", null);
    assertThat(lead("/api/customers/" + otherCustomerId).path("customerId").asText()).isEqualTo(customerId);
    assertThat(panel.earlierComplaints()).containsExactlyInAnyOrder(earlier.getBusinessKey(), elsewhere.getBusinessKey());

    assertThat(panel.fill("ABUSE_REPORT", Map.of("note", "통화 중 반복적인 욕설")).submit("ABUSE_REPORT"))
        .endsWith("하시겠습니까?");
    assertThat(panel.confirm("ABUSE_REPORT")).isEqualTo("폭언·폭행을 신고했습니다. 팀장이 응대를 넘겨받습니다.");
    assertRecordedByAgent(caseNumber, "ESCALATION", "통화 중 반복적인 욕설");
    Task protect = cases.task(complaint, "UserTask_ProtectStaff");
    assertThat(cases.candidateGroups(protect)).containsExactly("cs-lead");
    assertThat(panel.taskHolders()).containsKey(protect.getId());
    Files.createDirectories(PICTURE.getParent());
    Files.write(PICTURE, panel.screenshot());

    assertThat(panel.fill("WITHDRAWAL", Map.of("reason", "교환으로 해결되어 철회함")).submit("WITHDRAWAL"))
        .endsWith("하시겠습니까?");
    assertThat(panel.confirm("WITHDRAWAL")).isEqualTo("고객 철회를 기록했습니다. 사건이 종결되었습니다.");
    assertRecordedByAgent(caseNumber, "WITHDRAWAL", "교환으로 해결되어 철회함");
    JsonNode closed = lead("/api/complaints/" + caseNumber);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("outcome").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void aRegionalDivisionSeesTheCaseButIsNotOfferedTheMergeOfCustomers() {
    ProcessInstance complaint = startCase(intake("HEALTH_HARM", "busan").putValue("customerName", unique("박서연"))
        .putValue("customerPhone", uniquePhone()));
    cases.complete(complaint, "UserTask_FirstContact", AGENT,
        "contactNotes", "얼굴 발진, 사진 확보", "remedySought", "TREATMENT_COSTS", "visitConsent", true);
    String caseNumber = complaint.getBusinessKey();

    Tasklist region = browsers.open(baseUrl()).login("region-busan1", PASSWORD);
    region.openTask("방문 케어", caseNumber, SCHEDULE_VISIT);
    CasePanel panel = region.openCasePanel(caseNumber);

    assertThat(panel.summary()).contains("고객상담팀 상담원 데모1 (cs-agent1)");
    assertThat(panel.actions()).containsExactly("CONTACT", "THREAT", "ABUSE_REPORT", "WITHDRAWAL");
    assertThat(panel.text()).doesNotContain("고객 합치기");
    // The customer file is the customer-service desk's; the visit form carries the phone number the region needs.
    assertThat(panel.text()).contains("고객상담팀(상담원, 팀장, 고객만족 책임자)만 볼 수 있습니다");
    assertThat(rest.withBasicAuth("region-busan1", PASSWORD).postForEntity("/api/customers/"
        + lead("/api/complaints/" + caseNumber).path("customerId").asText() + "/merge",
        Map.of("mergedCustomerId", "CU-any"), String.class).getStatusCode().value())
        .as("what the panel leaves out the API refuses").isEqualTo(403);
  }

  // ---------------------------------------------------------------- helpers

  /** The newest timeline entry of the case is of this kind, by the agent, and its details or summary say so. */
  private void assertRecordedByAgent(String caseNumber, String kind, String words) {
    List<JsonNode> entries = timeline(caseNumber);
    JsonNode recorded = entries.stream().filter(e -> e.path("kind").asText().equals(kind)
        && e.path("actor").asText().equals(AGENT)).reduce((first, second) -> second).orElse(null);
    assertThat(recorded).as("%s by %s on the timeline of %s: %s", kind, AGENT, caseNumber, entries).isNotNull();
    assertThat(recorded.path("at").asText()).as("when").isNotBlank();
    if (words != null) {
      assertThat(recorded.path("summary").asText() + " " + recorded.path("details").asText()).contains(words);
    }
  }

  private List<JsonNode> timeline(String caseNumber) {
    List<JsonNode> entries = new ArrayList<>();
    lead("/api/complaints/" + caseNumber + "/timeline").forEach(entries::add);
    return entries;
  }

  /** What the case API answers a lead (HTTP Basic). */
  private JsonNode lead(String path) {
    var reply = rest.withBasicAuth("cs-lead1", PASSWORD).getForEntity(path, JsonNode.class);
    assertThat(reply.getStatusCode().value()).as("GET %s: %s", path, reply.getBody()).isEqualTo(200);
    return reply.getBody();
  }

  private ProcessInstance startCase(VariableMap variables) {
    ProcessInstance complaint = cases.startCase(variables);
    started.add(complaint);
    return complaint;
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Customer names and numbers unique per run: the shared test database outlives a single test. */
  private static String unique(String name) {
    return name + " " + (100_000 + TestData.next());
  }

  private static String uniquePhone() {
    return TestData.phone();
  }
}
