package kr.complaintdesk.platform.engine;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DetermineHistoryLevelCmd;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine keeps every history {@code full} keeps except ACT_HI_DETAIL, and it starts on a database that
 * was created with {@code full}.
 */
@ProcessTest
class FullHistoryWithoutVariableDetailsTest {

  @Autowired ProcessEngine engine;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theEngineRunsTheLevelUnderFullsIdSoADatabaseCreatedWithFullStartsAndCockpitSeesFull() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(FullHistoryWithoutVariableDetails.NAME);
    assertThat(managementService.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    // What the engine recorded when it created the database, and what `full` records.
    assertThat(managementService.getProperties()).containsEntry("historyLevel",
        String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));

    var commands = configuration.getCommandExecutorTxRequired();
    // The database's level as the engine reads it at start-up is full itself ...
    assertThat(commands.execute(new DetermineHistoryLevelCmd(configuration.getHistoryLevels())))
        .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    // ... and the start-up check accepts this level against it (it throws on a mismatch).
    commands.execute(new HistoryLevelSetupCommand());
  }

  @Test
  void aCaseKeepsItsVariableDecisionTaskJobAndOperationHistoryWithoutADetailPerChange() {
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance complaint = driver.startCase(intake("SERVICE", "busan"));
    driver.executeJobs(complaint);
    identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    runtimeService.setVariable(complaint.getId(), "priority", "P2");
    runtimeService.setVariable(complaint.getId(), "priority", "P1");
    identityService.clearAuthentication();

    assertThat(historyService.createHistoricDetailQuery().processInstanceId(complaint.getId()).count()).isZero();
    HistoricVariableInstance priority = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.getId()).variableName("priority").singleResult();
    assertThat(priority.getValue()).as("the variable's history holds its latest value").isEqualTo("P1");
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(complaint.getId())
        .includeInputs().includeOutputs().list())
        .as("the triage with its inputs and outputs")
        .anySatisfy(decision -> {
          assertThat(decision.getDecisionDefinitionKey()).isEqualTo("complaint-triage");
          assertThat(decision.getInputs()).isNotEmpty();
          assertThat(decision.getOutputs()).isNotEmpty();
        });
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(complaint.getId())
        .activityId("BusinessRuleTask_TriageComplaint").finished().count()).isEqualTo(1);
    Task firstContact = driver.task(complaint, "UserTask_FirstContact");
    assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(firstContact.getId()).groupId("cs-agent")
        .count()).isEqualTo(1);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(complaint.getId())
        .activityIdIn("ServiceTask_SendAcknowledgement").successLog().count()).isEqualTo(1);
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(complaint.getId())
        .operationType("SetVariable").userId("admin").count()).isEqualTo(2);
  }
}
