package kr.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import kr.complaintdesk.ComplaintDeskProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SOP.md and what each may do. Runs at every start and only adds what is
 * missing, so permissions an administrator granted in Camunda Admin stay.
 *
 * <p>Task access is not granted here: the engine grants a task's candidate groups access to that
 * task, and {@link CandidateGroupInstanceAccess} to its process instance.
 */
@Component
public class IdentitySetup {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  public static final String COMPLAINT_CASE = "complaint-case";

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
      grant(g, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.USER, ANY, Permissions.READ);
      grant(g, Resources.GROUP, ANY, Permissions.READ);
    }
    // Phone intake: agents and leads start cases from the Tasklist start form.
    for (String g : List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD)) {
      grant(g, Resources.PROCESS_DEFINITION, COMPLAINT_CASE, Permissions.READ, Permissions.CREATE_INSTANCE);
      grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    // Process owners deploy from Camunda Modeler and watch (and repair) running cases in Cockpit.
    String owner = StaffGroup.PROCESS_OWNER;
    grant(owner, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(owner, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    grant(owner, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(owner, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    grant(owner, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grant(owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
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
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (hasAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
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
