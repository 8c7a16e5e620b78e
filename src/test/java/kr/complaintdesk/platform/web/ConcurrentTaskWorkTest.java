package kr.complaintdesk.platform.web;

import static kr.complaintdesk.platform.web.ComplaintApiTest.atOnce;
import static kr.complaintdesk.platform.web.ComplaintApiTest.bodies;
import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two people working the same task at the same moment, over engine REST (other systems, Camunda Modeler)
 * and over the API Tasklist uses: one wins, the other is told in Korean who holds or finished the task,
 * with 409 and never 500. A task listener's refusal reaches the caller as 400 or 409 with its own message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentTaskWorkTest {

  static final String AGENT = "cs-agent1";
  static final String OTHER_AGENT = "cs-agent-race";
  static final String FIRST_CONTACT_DONE = """
      {"variables": {
        "contactNotes": {"value": "고객과 통화함", "type": "String"},
        "remedySought": {"value": "EXCHANGE", "type": "String"},
        "callbackPromised": {"value": false, "type": "Boolean"}}}""";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  ApiClient api;
  CaseDriver cases;

  @AfterEach
  void removeSecondAgent() {
    // The in-memory database is shared by every test context: leave no extra member in cs-agent.
    identityService.deleteUser(OTHER_AGENT);
  }

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    cases = new CaseDriver(engine);
    if (identityService.createUserQuery().userId(OTHER_AGENT).count() == 0) {
      User user = identityService.newUser(OTHER_AGENT);
      user.setFirstName("민수");
      user.setLastName("김");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(OTHER_AGENT, "cs-agent");
    }
  }

  @Test
  void claimingATaskSomeoneElseHoldsIs409AndNamesWhoHoldsIt() {
    Task task = firstContactOfANewCase();
    assertThat(claim(task, AGENT).status()).isEqualTo(204);

    Reply overRest = claim(task, OTHER_AGENT);
    assertConflict(overRest, "맡고 있습니다", AGENT);

    WebappSession tasklist = WebappSession.loggedIn(port, OTHER_AGENT);
    Reply inTasklist = tasklist.json("POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + OTHER_AGENT + "\"}", true);
    assertConflict(inTasklist, "맡고 있습니다", AGENT);

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(AGENT);
  }

  @Test
  void completingATaskSomeoneElseHoldsIsRefusedAndChangesNothing() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), OTHER_AGENT);

    Reply reply = post("/engine-rest/task/" + task.getId() + "/complete", AGENT, FIRST_CONTACT_DONE);

    assertConflict(reply, "완료할 수 없습니다", OTHER_AGENT);
    assertThat(reply.json().path("message").asText()).contains("김");
    Task untouched = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(untouched).as("task still open").isNotNull();
    assertThat(untouched.getAssignee()).isEqualTo(OTHER_AGENT);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "contactNotes")).isNull();

    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", OTHER_AGENT, FIRST_CONTACT_DONE).status())
        .as("the holder completes it").isEqualTo(204);
  }

  @RepeatedTest(8)
  void ofTwoCompletionsOfOneTaskAtTheSameMomentOneWinsAndTheOtherIs409() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);

    List<Reply> replies = atOnce(2, i -> post("/engine-rest/task/" + task.getId()
        + (i == 0 ? "/complete" : "/submit-form"), AGENT, FIRST_CONTACT_DONE));

    assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsExactlyInAnyOrder(204, 409);
    Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertKorean(lost);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey("UserTask_FirstContact").count()).isZero();
  }

  @Test
  void completingATaskThatWasJustCompletedIs409AndSaysWhoCompletedIt() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);
    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", AGENT, FIRST_CONTACT_DONE).status()).isEqualTo(204);

    Reply again = post("/engine-rest/task/" + task.getId() + "/submit-form", AGENT, FIRST_CONTACT_DONE);

    assertConflict(again, "이미", AGENT);
    assertThat(again.json().path("message").asText()).contains("완료했습니다");
  }

  @RepeatedTest(8)
  void ofTwoClaimsAtTheSameMomentOneWinsAndTheOtherIsToldWho() {
    Task task = firstContactOfANewCase();

    List<Reply> replies = atOnce(2, i -> claim(task, i == 0 ? AGENT : OTHER_AGENT));

    assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsExactlyInAnyOrder(204, 409);
    String winner = taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    assertThat(winner).isIn(AGENT, OTHER_AGENT);
    Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertConflict(lost, "맡고 있습니다", winner);
  }

  @Test
  void aTaskListenersRefusalReachesEngineRestAs400WithItsOwnMessage() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);
    String yesterday = EngineClock.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    String promisedInThePast = """
        {"variables": {
          "contactNotes": {"value": "다시 연락하기로 함", "type": "String"},
          "remedySought": {"value": "EXCHANGE", "type": "String"},
          "callbackPromised": {"value": true, "type": "Boolean"},
          "callbackPromisedAt": {"value": "%s", "type": "String"}}}""".formatted(yesterday);

    for (String action : List.of("/complete", "/submit-form")) {
      Reply refused = post("/engine-rest/task/" + task.getId() + action, AGENT, promisedInThePast);

      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText())
          .startsWith("약속한 회신 시각: 약속한 회신 시각은 지금")
          .doesNotContain("ENGINE-", "Exception", "Cannot");
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
  }

  @Test
  void aClaimWithoutUserCannotTakeATaskFromItsHolderButAnAdministratorMay() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);

    Reply takeAway = post("/engine-rest/task/" + task.getId() + "/claim", OTHER_AGENT, "{\"userId\":null}");
    assertConflict(takeAway, "맡고 있습니다", AGENT);
    assertThat(post("/engine-rest/task/" + task.getId() + "/unclaim", OTHER_AGENT, null).status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(AGENT);

    assertThat(post("/engine-rest/task/" + task.getId() + "/claim", "admin", "{\"userId\":null}").status())
        .as("an administrator may reassign").isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aBpmnErrorNoModelCatchesCannotEndATaskAndStrandTheCase() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);

    Reply reply = post("/engine-rest/task/" + task.getId() + "/bpmnError", OTHER_AGENT, "{\"errorCode\":\"x\"}");

    assertThat(reply.status()).as(reply.body()).isGreaterThanOrEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(AGENT);
  }

  @Test
  void aCallerOutsideTheTasksGroupsLearnsNothingAboutWhoWorkedIt() {
    Task task = firstContactOfANewCase();
    taskService.claim(task.getId(), AGENT);
    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", AGENT, FIRST_CONTACT_DONE).status()).isEqualTo(204);

    for (String outsider : List.of("channel-integration1", "process-owner1", "safety-lab1")) {
      Reply reply = post("/engine-rest/task/" + task.getId() + "/complete", outsider, FIRST_CONTACT_DONE);
      assertThat(reply.status()).as(outsider + ": " + reply.body()).isNotIn(200, 204, 409);
      assertThat(reply.body()).as(outsider).doesNotContain(AGENT);
    }
  }

  @Test
  void theEnginesOwnReasonWhyAModelCannotBeDeployedReachesCamundaModeler() {
    String badTimer = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="bad-timer-check" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="StartEvent_Timer"><timerEventDefinition><timeCycle>R/notacycle</timeCycle></timerEventDefinition></startEvent>
          </process>
        </definitions>
        """;
    for (String[] model : List.of(new String[] {"broken.dmn", "<definitions>not a decision</definitions>", "dmn"},
        new String[] {"bad-timer.bpmn", badTimer, "cycle"})) {
      Reply reply = deploy(model[0], model[1]);

      assertThat(reply.status()).as(reply.body()).isGreaterThanOrEqualTo(400);
      assertThat(reply.json().path("message").asText()).as(reply.body())
          .isNotBlank().doesNotContain("참조 번호").containsIgnoringCase(model[2]);
    }
  }

  /** Deploys one file as Camunda Modeler does, as a process owner. */
  private Reply deploy(String fileName, String content) {
    String boundary = "----modeler";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return api.post("/engine-rest/deployment/create", "process-owner1", body,
        "Content-Type", "multipart/form-data; boundary=" + boundary);
  }

  // ---------------------------------------------------------------- helpers

  private Task firstContactOfANewCase() {
    ProcessInstance complaint = cases.startCase(intake("SERVICE", "seoul"));
    return cases.task(complaint, "UserTask_FirstContact");
  }

  private Reply claim(Task task, String user) {
    return post("/engine-rest/task/" + task.getId() + "/claim", user, "{\"userId\":\"" + user + "\"}");
  }

  private Reply post(String path, String user, String body) {
    return api.post(path, user, body);
  }

  /** 409 with a Korean message that says {@code what} and names {@code who}, and nothing of the engine's text. */
  private static void assertConflict(Reply reply, String what, String who) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
    assertKorean(reply);
    assertThat(reply.json().path("message").asText()).contains(what).contains(who);
  }

  private static void assertKorean(Reply reply) {
    assertThat(reply.json().path("message").asText()).containsPattern("[가-힣]")
        .doesNotContain("ENGINE-", "SQL", "Exception", "ACT_", "###");
  }
}
