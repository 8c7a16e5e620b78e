package kr.complaintdesk.platform.security;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process owners deploy models and watch and repair flows, but never see a task or a variable; staff
 * still read and work their own tasks. Every check runs through the engine's authorization checks as
 * the user would in Cockpit, Tasklist or over engine REST.
 */
@ProcessTest
class ProcessOwnerAccessTest {

  static final String OWNER = "process-owner1";
  static final List<String> OWNER_GROUPS = List.of(StaffGroup.PROCESS_OWNER);
  static final String HEALTH_DETAIL = "사용 이틀 뒤 얼굴 전체에 진물이 나는 발진";
  /** The columns of the Tasklist filters: Tasklist loads them with a variable query per page of tasks. */
  static final String[] LIST_COLUMNS = {"caseNumber", "priority", "category"};

  /** Start, one asynchronous step that fails while {@code outcome} is "fail", end. */
  static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_OwnerProbe" targetNamespace="t">
        <bpmn:process id="owner-access-probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_ProbeStarted" />
          <bpmn:sequenceFlow id="SequenceFlow_ToCall" sourceRef="StartEvent_ProbeStarted" targetRef="ServiceTask_CallPartner" />
          <bpmn:serviceTask id="ServiceTask_CallPartner" camunda:asyncBefore="true"
              camunda:expression="${outcome == 'fail' ? partnerThatIsDown.call() : true}" />
          <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="ServiceTask_CallPartner" targetRef="EndEvent_ProbeDone" />
          <bpmn:endEvent id="EndEvent_ProbeDone" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  CaseDriver driver;
  ProcessInstance complaint;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void aHealthComplaintWaitingForFirstContact() {
    driver = new CaseDriver(engine);
    complaint = driver.startCase(intake("HEALTH_HARM", "busan").putValue("description", HEALTH_DETAIL));
  }

  @AfterEach
  void logOutAndRemoveProbes() {
    identityService.clearAuthentication();
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void processOwnersDeployModelsButDoNotDeleteDeployments() {
    asOwner();
    Deployment deployment = repositoryService.createDeployment().name("modeler-" + OWNER)
        .addString("owner-access-probe.bpmn", PROBE).deploy();
    deployments.add(deployment.getId());

    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);
    assertThat(repositoryService.getProcessModel(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("complaint-case").latestVersion().singleResult().getId())).isNotNull();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("complaint-triage").count()).isPositive();
    // Deleting with cascade would take every case started on the deployment with it.
    assertThatThrownBy(() -> repositoryService.deleteDeployment(deployment.getId(), true))
        .isInstanceOf(AuthorizationException.class);

    logOut();
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);
  }

  @Test
  void processOwnersSeeRunningAndFinishedInstancesAndActivityCounts() {
    String definitionId = complaint.getProcessDefinitionId();
    ProcessInstance finished = startProbe("ok");
    driver.executeJobs(finished);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).finished().count())
        .isEqualTo(1);

    asOwner();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getId()).singleResult().getBusinessKey())
        .isEqualTo(complaint.getBusinessKey());
    assertThat(runtimeService.getActivityInstance(complaint.getId()).getActivityInstances("UserTask_FirstContact")).hasSize(1);
    assertThat(managementService.createActivityStatisticsQuery(definitionId).list())
        .filteredOn(statistics -> statistics.getId().equals("UserTask_FirstContact"))
        .extracting(ActivityStatistics::getInstances).singleElement().satisfies(count -> assertThat(count).isPositive());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).finished().count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(complaint.getId()).count()).isPositive();
  }

  @Test
  void processOwnersSeeIncidentsAndRetryTheFailedJob() {
    ProcessInstance probe = startProbe("fail");
    Job job = managementService.createJobQuery().processInstanceId(probe.getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("partnerThatIsDown");
    }

    asOwner();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(probe.getId()).list()).singleElement()
        .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("partnerThatIsDown"));
    assertThat(managementService.getJobExceptionStacktrace(job.getId())).contains("partnerThatIsDown");
    // Repairing means retrying, not changing the case's data, cancelling or halting it.
    assertThatThrownBy(() -> runtimeService.setVariable(probe.getId(), "outcome", "ok"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.suspendProcessInstanceById(probe.getId()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.deleteProcessInstance(probe.getId(), "test"))
        .isInstanceOf(AuthorizationException.class);
    managementService.setJobRetries(job.getId(), 1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(probe.getId()).count()).isZero();

    logOut();
    runtimeService.setVariable(probe.getId(), "outcome", "ok");
    driver.executeJobs(probe);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(probe.getId()).finished().count())
        .isEqualTo(1);
  }

  @Test
  void processOwnersNeitherSeeNorWorkAnyTask() {
    Task firstContact = driver.task(complaint, "UserTask_FirstContact");

    asOwner();
    assertThat(taskService.createTaskQuery().processInstanceId(complaint.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().count()).as("tasks a process owner sees anywhere").isZero();
    assertThatThrownBy(() -> taskService.claim(firstContact.getId(), OWNER)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(firstContact.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setAssignee(firstContact.getId(), OWNER)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.getVariables(firstContact.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> formService.getTaskFormVariables(firstContact.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("complaint-case", intake("SERVICE", "seoul")))
        .isInstanceOf(AuthorizationException.class);

    logOut();
    assertThat(taskService.createTaskQuery().taskId(firstContact.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void processOwnersReadNoVariablesOfACaseAtRuntimeOrInHistory() {
    // The data is there: the same reads without a user return it. (No variable details are written:
    // FullHistoryWithoutVariableDetails.)
    assertThat(runtimeService.getVariables(complaint.getId())).containsEntry("description", HEALTH_DETAIL);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(complaint.getId()).count()).isPositive();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(complaint.getId()).count()).isPositive();

    asOwner();
    assertThatThrownBy(() -> runtimeService.getVariables(complaint.getId())).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.getVariable(complaint.getId(), "customerPhone"))
        .isInstanceOf(AuthorizationException.class);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(complaint.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(complaint.getId()).count()).isZero();
    // Decision inputs are one customer's harm and diagnosis.
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(complaint.getId()).count()).isZero();
  }

  @Test
  void processOwnersReadNoVariablesOfAFinishedInstance() {
    ProcessInstance probe = startProbe("ok", "customerName", "김민지");
    driver.executeJobs(probe);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(probe.getId())
        .variableName("customerName").count()).isEqualTo(1);

    asOwner();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(probe.getId()).finished().count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(probe.getId()).count()).isZero();
  }

  @Test
  void anAgentReadsTheFirstContactFormAndItsListColumnsAndCompletesIt() {
    Task firstContact = driver.task(complaint, "UserTask_FirstContact");

    identityService.setAuthentication("cs-agent1", List.of(StaffGroup.CS_AGENT));
    assertThat(formService.getTaskFormVariables(firstContact.getId()).getValue("description", String.class))
        .isEqualTo(HEALTH_DETAIL);
    assertThat(taskService.getVariables(firstContact.getId())).containsEntry("customerPhone", "010-1234-5678");
    assertThat(listColumns(firstContact)).containsKeys(LIST_COLUMNS).containsEntry("category", "HEALTH_HARM");
    taskService.claim(firstContact.getId(), "cs-agent1");
    taskService.complete(firstContact.getId(), CaseDriver.map(
        "contactNotes", "사진 받음", "remedySought", "TREATMENT_COSTS", "visitConsent", true));

    logOut();
    assertThat(driver.openTasks(complaint, "UserTask_FirstContact")).isEmpty();
    assertThat(driver.task(complaint, "UserTask_ReviewEvidence")).isNotNull();
  }

  @Test
  void theSafetyLabReadsItsEvidenceReviewAndCompletesItButNotTheCaseBehindIt() {
    driver.complete(complaint, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "사진 받음", "remedySought", "TREATMENT_COSTS", "visitConsent", false);
    Task review = driver.task(complaint, "UserTask_ReviewEvidence");

    identityService.setAuthentication("safety-lab1", List.of(StaffGroup.SAFETY_LAB));
    assertThat(formService.getTaskFormVariables(review.getId()).getValue("description", String.class))
        .isEqualTo(HEALTH_DETAIL);
    assertThat(listColumns(review)).containsKeys(LIST_COLUMNS);
    assertThat(runtimeService.getVariable(review.getProcessInstanceId(), "caseNumber")).isEqualTo(complaint.getBusinessKey());
    // The case itself (customer's name and phone) belongs to customer service.
    assertThatThrownBy(() -> runtimeService.getVariables(complaint.getId())).isInstanceOf(AuthorizationException.class);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(complaint.getId()).count()).isZero();
    taskService.claim(review.getId(), "safety-lab1");
    taskService.complete(review.getId(), CaseDriver.map("evidenceReviewNotes", "접촉성 피부염 의심", "expertOpinionNeeded", false));

    logOut();
    assertThat(driver.task(complaint, "UserTask_DecideCausation")).isNotNull();
  }

  @Test
  void aRegionalDivisionReadsTheVisitsInItsRegionOnly() {
    driver.complete(complaint, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "방문 동의", "remedySought", "TREATMENT_COSTS", "visitConsent", true);
    Task visit = driver.task(complaint, "UserTask_ScheduleVisit");

    identityService.setAuthentication("region-busan1", List.of("region-busan"));
    assertThat(listColumns(visit)).containsKeys(LIST_COLUMNS);
    assertThat(formService.getTaskFormVariables(visit.getId()).getValue("description", String.class)).isEqualTo(HEALTH_DETAIL);

    identityService.setAuthentication("region-seoul1", List.of("region-seoul"));
    assertThat(listColumns(visit)).isEmpty();
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(visit.getProcessInstanceId()).count()).isZero();
    assertThatThrownBy(() -> formService.getTaskFormVariables(visit.getId())).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theLeadOpensTheFormOfACallBackItMayHandOnOrTakeOver() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("Asia/Seoul")).toInstant()));
    try {
      driver.complete(complaint, "UserTask_FirstContact", "cs-agent1", "contactNotes", "오늘 중 병원 안내 약속",
          "remedySought", "TREATMENT_COSTS", "visitConsent", false,
          "callbackPromised", true, "callbackPromisedAt", "2026-11-23T18:00",
          // The case started on the real day; on this test's day the company learned of the harm that day.
          "adverseEventKnownOn", "2026-11-23");
      Task callback = driver.task(complaint, "UserTask_KeepCallbackPromise");

      identityService.setAuthentication("cs-lead1", List.of(StaffGroup.CS_LEAD));
      assertThat(formService.getTaskFormVariables(callback.getId()).getValue("contactNotes", String.class))
          .isEqualTo("오늘 중 병원 안내 약속");
      taskService.setAssignee(callback.getId(), "cs-lead1");
      taskService.complete(callback.getId(), CaseDriver.map("callbackNotes", "팀장이 대신 연락함"));
    } finally {
      ClockUtil.reset();
    }
    logOut();
    assertThat(driver.openTasks(complaint, "UserTask_KeepCallbackPromise")).isEmpty();
  }

  /** What Tasklist shows in the list for this task: the filter's variables, as its REST call queries them. */
  Map<String, Object> listColumns(Task task) {
    Map<String, Object> columns = new java.util.HashMap<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .variableScopeIdIn(task.getId(), task.getExecutionId(), task.getProcessInstanceId())
        .variableNameIn(LIST_COLUMNS)
        .list()) {
      columns.put(variable.getName(), variable.getValue());
    }
    return columns;
  }

  ProcessInstance startProbe(String outcome, Object... moreVariables) {
    if (deployments.isEmpty()) {
      deployments.add(repositoryService.createDeployment().name("owner-access-probe")
          .addString("owner-access-probe.bpmn", PROBE).deploy().getId());
    }
    Map<String, Object> variables = CaseDriver.map(moreVariables);
    variables.put("outcome", outcome);
    return runtimeService.startProcessInstanceByKey("owner-access-probe", variables);
  }

  void asOwner() {
    identityService.setAuthentication(OWNER, OWNER_GROUPS);
  }

  void logOut() {
    identityService.clearAuthentication();
  }
}
