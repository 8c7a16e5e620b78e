package kr.complaintdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import kr.complaintdesk.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The engine REST API over real HTTP: Basic authentication, then the engine's authorizations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestSecurityTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @Test
  void withoutCredentialsTheApiAnswers401() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A wrong password locks the account for a few seconds (Camunda's login delay): use an account no other
    // test signs in with, and unlock it, so that no later test depends on the order the tests run in.
    try {
      assertThat(rest.withBasicAuth("region-gwangju1", "wrong").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      identityService.unlockUser("region-gwangju1");
    }
  }

  @Test
  void anAgentListsOnlyCustomerServiceTasks() {
    String caseId = runtimeService.startProcessInstanceByKey("complaint-case", Map.of("channel", "WEB", "category", "HEALTH_HARM",
        "customerName", "이영희", "customerEmail", "lee@example.kr", "region", "daejeon", "description", "발진",
        "externalThreat", true)).getId();
    managementService.createJobQuery().processInstanceId(caseId).list()
        .forEach(job -> managementService.executeJob(job.getId()));

    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth("cs-agent1", "demo")
        .exchange("/engine-rest/task", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).isNotEmpty();
    for (Map<String, Object> task : response.getBody()) {
      assertThat(taskService.getIdentityLinksForTask((String) task.get("id")))
          .extracting(IdentityLink::getGroupId).contains("cs-agent");
    }
    // The same case has a pr-risk task the agent must not see.
    assertThat(taskService.createTaskQuery().taskCandidateGroup("pr-risk").count()).isPositive();
  }

  @Test
  void processOwnersMayDeployAndAgentsMayNot() {
    assertThat(deploy("process-owner1").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deploy("cs-agent1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Process owners work in Cockpit only (ProcessOwnerRestAccessTest). */
  @Test
  void everyDemoUserOfTheStaffCanLogInToTasklist() {
    for (String user : List.of("cs-agent1", "cs-lead1", "cs-director1", "safety-lab1", "quality1", "logistics1",
        "region-busan1", "region-seoul1", "pr-risk1", "admin")) {
      assertThat(WebappLogin.status(rest, user, "tasklist")).as(user).isEqualTo(HttpStatus.OK);
    }
  }

  private ResponseEntity<String> deploy(String user) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="rest-deploy-check" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="StartEvent_Check" />
          </process>
        </definitions>
        """;
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "modeler-" + user);
    body.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "rest-deploy-check.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }
}
