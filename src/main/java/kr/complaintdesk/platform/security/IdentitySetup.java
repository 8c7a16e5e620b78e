package kr.complaintdesk.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import kr.complaintdesk.ComplaintDeskProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SOP.md and what each may do (README, "access matrix"). Runs at every start and
 * only adds what is missing, so permissions an administrator granted in Camunda Admin stay, with one
 * exception: the process owners' grants on all deployments, definitions and batches are set to exactly
 * what is listed here, because earlier versions granted them ALL, and with it every customer's data.
 *
 * <p>Task access is not granted here: the engine grants a task's candidate groups access to that
 * task, and {@link CandidateGroupInstanceAccess} to its process instance.
 */
@Component
public class IdentitySetup {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String COMPLAINT_CASE = "complaint-case";

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ComplaintDeskProperties properties;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      ComplaintDeskProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.properties = properties;
  }

  public List<StaffGroup> groups() {
    return StaffGroup.all(properties.regions());
  }

  /** Accounts of other systems: they use the case API, never Tasklist. */
  public List<StaffGroup> serviceGroups() {
    return List.of(new StaffGroup(StaffGroup.CHANNEL_INTEGRATION, "채널 연동 (웹, 이메일, SNS, 기관 이관)"));
  }

  public void setUp() {
    for (StaffGroup serviceGroup : serviceGroups()) {
      createIfMissing(serviceGroup, "SYSTEM");
    }
    for (StaffGroup staffGroup : groups()) {
      createIfMissing(staffGroup, "WORKFLOW");
      String g = staffGroup.id();
      grant(g, Resources.USER, ANY, Permissions.READ);
      grant(g, Resources.GROUP, ANY, Permissions.READ);
      if (!g.equals(StaffGroup.PROCESS_OWNER)) {
        grant(g, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      }
    }
    // Phone intake: agents and leads start cases from the Tasklist start form.
    for (String g : List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD)) {
      grant(g, Resources.PROCESS_DEFINITION, COMPLAINT_CASE, Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    processOwners();
  }

  /**
   * Process owners deploy from Camunda Modeler and watch and repair the flows in Cockpit: instances,
   * activity counts, incidents, failed jobs, migration to a new version. They neither see nor work
   * tasks, start or cancel cases, or read variables (customers' names, contacts, health details): with
   * specific variable permissions enforced, READ_INSTANCE and READ_HISTORY no longer include them
   * ({@link VariableAccess}).
   */
  private void processOwners() {
    String owner = StaffGroup.PROCESS_OWNER;
    grant(owner, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    // Deleting a deployment may cascade to the cases started on it: left to administrators.
    grantExactly(owner, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grantExactly(owner, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    // Decision tables, not their history: a decision's inputs are one case's harm and diagnosis.
    grantExactly(owner, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantExactly(owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // Cockpit runs migrations and bulk retries of many instances as batches.
    grantExactly(owner, Resources.BATCH, ANY, BatchPermissions.READ,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
    // Earlier versions let process owners into Tasklist and gave them ALL on every process instance.
    removeGrant(owner, Resources.APPLICATION, TASKLIST);
    removeGrant(owner, Resources.PROCESS_INSTANCE, ANY);
    keepOwnDeploymentsButNotTheirDeletion(owner);
  }

  /**
   * The engine gave whoever deployed READ and DELETE on that deployment; {@link DeploymentAccess} now
   * grants READ only. Grants of earlier deployments by process owners lose DELETE here.
   */
  private void keepOwnDeploymentsButNotTheirDeletion(String ownerGroup) {
    String[] owners = identityService.createUserQuery().memberOfGroup(ownerGroup).list().stream()
        .map(User::getId).toArray(String[]::new);
    if (owners.length == 0) {
      return;
    }
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .userIdIn(owners)
        .resourceType(Resources.DEPLOYMENT)
        .hasPermission(Permissions.DELETE)
        .list()) {
      if (!ANY.equals(authorization.getResourceId())) {
        authorization.removePermission(Permissions.DELETE);
        authorizationService.saveAuthorization(authorization);
      }
    }
  }

  private void createIfMissing(StaffGroup staffGroup, String type) {
    if (identityService.createGroupQuery().groupId(staffGroup.id()).count() == 0) {
      Group group = identityService.newGroup(staffGroup.id());
      group.setName(staffGroup.name());
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = find(groupId, resource, resourceId);
    if (authorization == null) {
      authorization = newGrant(groupId, resource, resourceId);
    } else if (hasAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /** Sets the group's grant on the resource to these permissions and no others. */
  void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = find(groupId, resource, resourceId);
    if (authorization == null) {
      grant(groupId, resource, resourceId, permissions);
      return;
    }
    Authorization wanted = newGrant(groupId, resource, resourceId);
    for (Permission permission : permissions) {
      wanted.addPermission(permission);
    }
    if (samePermissions(authorization, wanted, ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))) {
      return;
    }
    authorization.setPermissions(permissions);
    authorizationService.saveAuthorization(authorization);
    LOG.info("Set the grant of group {} on {} {} to {}", groupId, resource.resourceName(), resourceId,
        List.of(permissions));
  }

  private void removeGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = find(groupId, resource, resourceId);
    if (authorization != null) {
      authorizationService.deleteAuthorization(authorization.getId());
      LOG.info("Removed the grant of group {} on {} {}", groupId, resource.resourceName(), resourceId);
    }
  }

  private Authorization find(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }

  private static boolean samePermissions(Authorization a, Authorization b, Permission[] ofResource) {
    for (Permission permission : ofResource) {
      if (a.isPermissionGranted(permission) != b.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasAll(Authorization authorization, Permission... permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
