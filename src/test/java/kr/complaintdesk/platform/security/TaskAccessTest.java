package kr.complaintdesk.platform.security;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With authorization checks on, a group sees and works only its own tasks and their instances. */
@ProcessTest
class TaskAccessTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  ProcessInstance pi;
  Task labTask;

  @BeforeEach
  void caseWaitingForTheSafetyLab() {
    CaseDriver driver = new CaseDriver(engine);
    pi = driver.startCase(intake("HEALTH_HARM", "busan"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "피부 발진", "remedySought", "REFUND", "visitConsent", false);
    labTask = driver.task(pi, "UserTask_ReviewEvidence");
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void anAgentCannotSeeOrWorkASafetyLabTask() {
    identityService.setAuthentication("cs-agent1", List.of("cs-agent"));

    assertThat(taskService.createTaskQuery().taskId(labTask.getId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(labTask.getProcessInstanceId()).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(labTask.getId(), "cs-agent1")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(labTask.getId())).isInstanceOf(AuthorizationException.class);

    identityService.clearAuthentication();
    Task unchanged = taskService.createTaskQuery().taskId(labTask.getId()).singleResult();
    assertThat(unchanged).isNotNull();
    assertThat(unchanged.getAssignee()).isNull();
  }

  @Test
  void theSafetyLabSeesAndWorksItsTaskAndTheAnalysisBehindIt() {
    identityService.setAuthentication("safety-lab1", List.of("safety-lab"));

    assertThat(taskService.createTaskQuery().taskId(labTask.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(labTask.getProcessInstanceId()).count()).isEqualTo(1);
    // The case itself belongs to customer service.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    taskService.claim(labTask.getId(), "safety-lab1");
    taskService.complete(labTask.getId(), CaseDriver.map("evidenceReviewNotes", "검토", "expertOpinionNeeded", false));
    assertThat(taskService.createTaskQuery().taskDefinitionKey("UserTask_DecideCausation")
        .processInstanceId(labTask.getProcessInstanceId()).count()).isEqualTo(1);
  }

  @Test
  void theSafetyLabDoesNotSeeCustomerServiceTasks() {
    identityService.setAuthentication("safety-lab1", List.of("safety-lab"));

    List<Task> visible = taskService.createTaskQuery().list();
    assertThat(visible).isNotEmpty();
    for (Task task : visible) {
      identityService.clearAuthentication();
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("safety-lab"));
      identityService.setAuthentication("safety-lab1", List.of("safety-lab"));
    }
  }
}
