package kr.complaintdesk.firstcontact;

import kr.complaintdesk.platform.security.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Lets the leads see this one task and hand it to another agent or take it over (e.g. a call-back the
 * agent who promised it cannot make). The right is on the task only: leads may not reassign other work
 * of the case, and the engine deletes the grant with the task. The task must not also have the leads as
 * candidates: the engine grants candidates their own authorization on it, and there is one per group.
 */
@Component("leadMayReassign")
class LeadMayReassignListener implements TaskListener {

  private final AuthorizationService authorizationService;

  public LeadMayReassignListener(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void notify(DelegateTask task) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(StaffGroup.CS_LEAD);
      grant.setResource(Resources.TASK);
      grant.setResourceId(task.getId());
      grant.addPermission(TaskPermissions.READ);
      grant.addPermission(TaskPermissions.TASK_ASSIGN);
      authorizationService.saveAuthorization(grant);
      return null;
    });
  }
}
