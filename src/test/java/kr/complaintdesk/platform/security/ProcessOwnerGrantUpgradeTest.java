package kr.complaintdesk.platform.security;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation set up by an earlier version: process owners hold ALL on deployments, definitions and
 * every process instance and may use Tasklist, and tasks were created before specific variable
 * permissions (their grants have no READ_VARIABLE). The next start corrects the process owners, and
 * staff still open those tasks.
 */
@ProcessTest
class ProcessOwnerGrantUpgradeTest {

  static final String OWNER = StaffGroup.PROCESS_OWNER;

  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;

  String deployerGrant;

  /** Whatever a test leaves behind, the next test class finds the grants of a fresh start. */
  @AfterEach
  void startAgain() {
    identityService.clearAuthentication();
    if (deployerGrant != null) {
      authorizationService.deleteAuthorization(deployerGrant);
    }
    identitySetup.setUp();
  }

  @Test
  void theNextStartTakesProcessOwnersOutOfTasksAndCustomerDataAndKeepsStaffWorking() {
    ProcessInstance complaint = new CaseDriver(engine).startCase(intake("INJURY", "daegu"));
    Task firstContact = new CaseDriver(engine).task(complaint, "UserTask_FirstContact");
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName("complaint-desk").list().get(0).getId();
    grantAsEarlierVersionsDid(deploymentId);
    taskCreatedBeforeSpecificVariablePermissions(firstContact);

    // Before: a process owner reads the customer's data and the task.
    identityService.setAuthentication("process-owner1", List.of(OWNER));
    assertThat(runtimeService.getVariables(complaint.getId())).containsKey("customerPhone");
    assertThat(taskService.createTaskQuery().taskId(firstContact.getId()).count()).isEqualTo(1);
    identityService.clearAuthentication();

    identitySetup.setUp();

    identityService.setAuthentication("process-owner1", List.of(OWNER));
    assertThatThrownBy(() -> runtimeService.getVariables(complaint.getId())).isInstanceOf(AuthorizationException.class);
    assertThat(taskService.createTaskQuery().taskId(firstContact.getId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getId()).count()).isEqualTo(1);
    identityService.setAuthentication("cs-agent1", List.of(StaffGroup.CS_AGENT));
    assertThat(formService.getTaskFormVariables(firstContact.getId()).getValue("customerName", String.class)).isEqualTo("홍길동");
    identityService.clearAuthentication();

    assertThat(groupGrant(Resources.APPLICATION, IdentitySetup.TASKLIST)).isNull();
    assertThat(groupGrant(Resources.PROCESS_INSTANCE, ANY)).isNull();
    Authorization definitions = groupGrant(Resources.PROCESS_DEFINITION, ANY);
    assertThat(definitions.isEveryPermissionGranted()).isFalse();
    assertThat(Arrays.stream(ProcessDefinitionPermissions.values())
        .filter(p -> p != ProcessDefinitionPermissions.NONE && definitions.isPermissionGranted(p))).containsExactlyInAnyOrder(
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    assertThat(groupGrant(Resources.DEPLOYMENT, ANY).isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(groupGrant(Resources.DECISION_DEFINITION, ANY).isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
    assertThat(authorizationService.createAuthorizationQuery().userIdIn("process-owner1")
        .resourceType(Resources.DEPLOYMENT).resourceId(deploymentId).singleResult().isPermissionGranted(Permissions.DELETE))
        .as("the grant the engine gave process-owner1 on a deployment it made").isFalse();
  }

  @Test
  void aStartChangesNothingOnceTheGrantsAreRight() {
    identitySetup.setUp();
    List<Authorization> before = ownerGrants();

    identitySetup.setUp();

    assertThat(ownerGrants()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(before);
  }

  /** What IdentitySetup granted process owners before this change, and what the engine gave a deployer. */
  void grantAsEarlierVersionsDid(String deploymentId) {
    for (Resource resource : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
        Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION)) {
      identitySetup.grant(OWNER, resource, ANY, Permissions.ALL);
    }
    identitySetup.grant(OWNER, Resources.APPLICATION, IdentitySetup.TASKLIST, Permissions.ACCESS);
    Authorization deployer = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    deployer.setUserId("process-owner1");
    deployer.setResource(Resources.DEPLOYMENT);
    deployer.setResourceId(deploymentId);
    deployer.addPermission(Permissions.READ);
    deployer.addPermission(Permissions.DELETE);
    deployerGrant = authorizationService.saveAuthorization(deployer).getId();
  }

  /** The grants the engine created for the task's candidates, as they were before READ_VARIABLE existed for them. */
  void taskCreatedBeforeSpecificVariablePermissions(Task task) {
    for (Authorization grant : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.TASK).resourceId(task.getId()).list()) {
      assertThat(grant.isPermissionGranted(TaskPermissions.READ_VARIABLE)).as("a new task's grant").isTrue();
      grant.removePermission(TaskPermissions.READ_VARIABLE);
      authorizationService.saveAuthorization(grant);
    }
  }

  Authorization groupGrant(Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(OWNER)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }

  List<Authorization> ownerGrants() {
    return authorizationService.createAuthorizationQuery().groupIdIn(OWNER).list();
  }
}
