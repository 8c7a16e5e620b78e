package kr.complaintdesk.platform.security;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.EngineRestClient;
import kr.complaintdesk.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import kr.complaintdesk.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same rules over HTTP, as Camunda Modeler, Cockpit and Tasklist call the engine: the process owner
 * deploys and sees the case in Cockpit but none of its variables or tasks; the agent's Tasklist shows
 * the task with its case number and opens its form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessOwnerRestAccessTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;

  ProcessInstance complaint;
  Task firstContact;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void aCaseWaitingForFirstContact() {
    CaseDriver driver = new CaseDriver(engine);
    complaint = driver.startCase(intake("INJURY", "gwangju").putValue("customerName", "박서준"));
    firstContact = driver.task(complaint, "UserTask_FirstContact");
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void processOwnersLogInToCockpitNotTasklist() {
    assertThat(WebappLogin.status(rest, "process-owner1", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(WebappLogin.status(rest, "process-owner1", "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(WebappLogin.status(rest, "cs-agent1", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(WebappLogin.status(rest, "cs-agent1", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void processOwnersDeployFromModelerButDoNotDeleteDeployments() {
    EngineRestClient.Response deployed = new EngineRestClient("http://localhost:" + port).deploy("process-owner1",
        "modeler-rest-probe", "owner-rest-probe.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="owner-rest-probe" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="StartEvent_Probe" />
              </process>
            </definitions>
            """);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String id = deployed.json().get("id").asText();
    deployments.add(id);

    assertThat(call("process-owner1", HttpMethod.DELETE, "/deployment/" + id + "?cascade=true").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(id).count()).isEqualTo(1);
  }

  @Test
  void processOwnersSeeTheCaseInCockpitButNoneOfItsDataOrTasks() throws Exception {
    String id = complaint.getId();
    assertThat(json(call("process-owner1", HttpMethod.GET, "/process-instance?processInstanceIds=" + id)))
        .singleElement().satisfies(instance -> assertThat(instance.get("businessKey").asText()).isEqualTo(complaint.getBusinessKey()));
    assertThat(json(call("process-owner1", HttpMethod.GET, "/process-definition/" + complaint.getProcessDefinitionId()
        + "/statistics?incidents=true"))).isNotEmpty();
    assertThat(json(call("process-owner1", HttpMethod.GET, "/history/process-instance?processInstanceId=" + id))).hasSize(1);

    assertThat(call("process-owner1", HttpMethod.GET, "/process-instance/" + id + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(call("process-owner1", HttpMethod.GET, "/variable-instance?processInstanceIdIn=" + id))).isEmpty();
    assertThat(json(call("process-owner1", HttpMethod.GET, "/history/variable-instance?processInstanceId=" + id))).isEmpty();
    assertThat(json(call("process-owner1", HttpMethod.GET, "/task?processInstanceId=" + id))).isEmpty();
    assertThat(call("process-owner1", HttpMethod.GET, "/task/" + firstContact.getId() + "/form-variables").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // The admin reads the same variables: the emptiness above is the owner's, not the case's.
    assertThat(json(call("admin", HttpMethod.GET, "/variable-instance?processInstanceIdIn=" + id))).isNotEmpty();
  }

  @Test
  void theAgentsTasklistListsTheTaskWithItsCaseNumberAndOpensItsForm() throws Exception {
    ResponseEntity<String> form = call("cs-agent1", HttpMethod.GET, "/task/" + firstContact.getId() + "/form-variables");
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(form.getBody()).at("/customerName/value").asText()).isEqualTo("박서준");

    JsonNode agentsList = filterList("cs-agent1");
    assertThat(agentsList.at("/_embedded/task")).singleElement().satisfies(task -> {
      assertThat(task.get("id").asText()).isEqualTo(firstContact.getId());
      assertThat(task.at("/_embedded/variable")).anySatisfy(variable -> {
        assertThat(variable.get("name").asText()).isEqualTo("caseNumber");
        assertThat(variable.get("value").asText()).isEqualTo(complaint.getBusinessKey());
      });
    });
    assertThat(filterList("process-owner1").path("_embedded").path("task")).isEmpty();
  }

  /** Tasklist's call for the "내 그룹 작업" list, narrowed to this case. */
  JsonNode filterList(String user) throws Exception {
    String filterId = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange("/engine-rest/filter/" + filterId + "/list",
        HttpMethod.POST, new HttpEntity<>("{\"processInstanceId\":\"" + complaint.getId() + "\"}", headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method, null, String.class);
  }

  static JsonNode json(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }
}
