package kr.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.EngineRestClient;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner changes the triage table in Modeler and deploys it through the engine REST API: new cases
 * follow the new version, cases already triaged keep what they were given, and the timeline of each case
 * names the version that triaged it. The test deployment is deleted afterwards (with its decision
 * definitions), because the in-memory test database is shared by every Spring context of the test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TriageChangeDeploymentTest {

  static final String DECISION_KEY = "complaint-triage";
  static final Path TRIAGE_FILE = Path.of("processes/complaint-triage.dmn");
  /** The one change the process owner makes: the first-response SLA of P3 from 16 to 12 business hours. */
  static final String P3_SLA_CELL = "<outputEntry id=\"OutputEntry_ComplaintTriage_03_2\"><text>%d</text></outputEntry>";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired Timeline timeline;

  EngineRestClient engineRest;
  final List<String> deploymentsToDelete = new ArrayList<>();
  String triageBefore;

  @BeforeEach
  void connect() {
    engineRest = new EngineRestClient("http://localhost:" + port);
    triageBefore = latestTriageId();
  }

  /** Later test classes, in this or another Spring context on the same database, see the original table. */
  @AfterEach
  void deleteTestDeployments() {
    deploymentsToDelete.forEach(id -> repositoryService.deleteDeployment(id, true));
    assertThat(latestTriageId()).as("latest complaint-triage after clean-up").isEqualTo(triageBefore);
  }

  @Test
  void aTriageChangeDeployedFromModelerAppliesToNewCasesWhileRunningCasesKeepTheirTriage() throws IOException {
    int originalVersion = latestTriageVersion();
    ProcessInstance caseA = startCase();
    assertTriage(caseA, "P3", 16, originalVersion);

    EngineRestClient.Response deployed = engineRest.deploy("process-owner1", "complaint-triage P3 SLA 12h",
        "complaint-triage.dmn", changedTriageTable());

    assertThat(deployed.status()).as("deployment by a process owner: %s", deployed.body()).isEqualTo(200);
    deploymentsToDelete.add(deployed.json().get("id").asText());
    int newVersion = deployedVersionOf(deployed.json(), DECISION_KEY);
    assertThat(newVersion).isGreaterThan(originalVersion);
    assertThat(latestTriageVersion()).isEqualTo(newVersion);

    ProcessInstance caseB = startCase();
    assertTriage(caseB, "P3", 12, newVersion);
    assertTriage(caseA, "P3", 16, originalVersion);

    // Withdrawing the change (deleting its deployment) turns the next case back to the version before it.
    String withdrawn = deploymentsToDelete.remove(0);
    repositoryService.deleteDeployment(withdrawn, true);
    assertTriage(startCase(), "P3", 16, originalVersion);
  }

  @Test
  void anAgentCannotDeployATriageChange() throws IOException {
    int versionBefore = latestTriageVersion();

    EngineRestClient.Response refused = engineRest.deploy("cs-agent1", "complaint-triage by an agent",
        "complaint-triage.dmn", changedTriageTable());
    if (refused.status() == 200) {
      deploymentsToDelete.add(refused.json().get("id").asText());
    }

    assertThat(refused.status()).as("deployment by an agent: %s", refused.body()).isEqualTo(403);
    assertThat(latestTriageVersion()).isEqualTo(versionBefore);
    assertTriage(startCase(), "P3", 16, versionBefore);
  }

  /** A service complaint by phone from a first-time customer (own phone number), so P3 by category. */
  ProcessInstance startCase() {
    String phone = TestData.phone();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("complaint-case",
        CaseDriver.intake("SERVICE", "busan").putValue("customerPhone", phone));
    assertThat(runtimeService.getVariable(pi.getId(), "repeatComplainant")).as("repeat complainant (%s)", phone)
        .isEqualTo(false);
    return pi;
  }

  void assertTriage(ProcessInstance pi, String priority, int firstResponseHours, int triageVersion) {
    String reference = DECISION_KEY + " v" + triageVersion;
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).as("priority of %s", pi.getBusinessKey()).isEqualTo(priority);
    assertThat(runtimeService.getVariable(pi.getId(), "firstResponseHours"))
        .as("first-response SLA of %s", pi.getBusinessKey()).isEqualTo(firstResponseHours);
    assertThat(runtimeService.getVariable(pi.getId(), CaseVariables.TRIAGE_DECISION))
        .as("triage decision of %s", pi.getBusinessKey()).isEqualTo(reference);
    assertThat(timeline.of(pi.getBusinessKey()))
        .filteredOn(entry -> entry.kind() == Timeline.Kind.DECISION && entry.summary().contains(DECISION_KEY))
        .as("triage entries on the timeline of %s", pi.getBusinessKey())
        .singleElement()
        .satisfies(entry -> assertThat(entry.summary())
            .contains(priority, firstResponseHours + "영업시간", "(" + reference + ")"));
  }

  String latestTriageId() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).latestVersion()
        .singleResult().getId();
  }

  int latestTriageVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).latestVersion()
        .singleResult().getVersion();
  }

  static String changedTriageTable() throws IOException {
    String original = Files.readString(TRIAGE_FILE, StandardCharsets.UTF_8);
    String changed = original.replace(String.format(P3_SLA_CELL, 16), String.format(P3_SLA_CELL, 12));
    assertThat(changed).as("%s with the P3 SLA changed", TRIAGE_FILE).isNotEqualTo(original);
    return changed;
  }

  static int deployedVersionOf(JsonNode deployment, String decisionKey) {
    JsonNode decisions = deployment.get("deployedDecisionDefinitions");
    assertThat(decisions).as("decisions in the deployment: %s", deployment).isNotNull();
    for (JsonNode decision : decisions) {
      if (decisionKey.equals(decision.get("key").asText())) {
        return decision.get("version").asInt();
      }
    }
    throw new AssertionError(decisionKey + " not in the deployment: " + deployment);
  }
}
