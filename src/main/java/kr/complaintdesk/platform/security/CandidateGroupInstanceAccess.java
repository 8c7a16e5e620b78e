package kr.complaintdesk.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import kr.complaintdesk.platform.engine.EveryUserTask;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Lets the candidate groups of a task read the process instance behind it and its variables
 * ({@link VariableAccess}), and nothing more: a safety-lab analyst sees the cause-analysis
 * instance of the tasks offered to the lab, not the cases of other departments. Added to every user
 * task of every model, so process owners need not.
 */
@Component
class CandidateGroupInstanceAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE,
        "CandidateGroupInstanceAccess lets the task's candidate groups read its process instance",
        CandidateGroupInstanceAccess::grantInstanceRead);
  }

  static void grantInstanceRead(DelegateTask task) {
    if (!Context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return;
    }
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    String instanceId = task.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (IdentityLink link : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
          continue;
        }
        // Two tasks of one instance for the same group may start in one transaction (lines of an offer fulfilled
        // in parallel): a grant made moments ago is not in the database yet, only in this command's cache.
        boolean granted = grantedInThisCommand(link.getGroupId(), instanceId) || authorizations.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(link.getGroupId())
            .resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(instanceId)
            .count() > 0;
        if (!granted) {
          Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          authorization.setGroupId(link.getGroupId());
          authorization.setResource(Resources.PROCESS_INSTANCE);
          authorization.setResourceId(instanceId);
          authorization.addPermission(Permissions.READ);
          authorizations.saveAuthorization(authorization);
        }
      }
      return null;
    });
  }

  private static boolean grantedInThisCommand(String groupId, String instanceId) {
    return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .anyMatch(grant -> grant.getAuthorizationType() == AUTH_TYPE_GRANT && groupId.equals(grant.getGroupId())
            && Resources.PROCESS_INSTANCE.resourceType() == grant.getResourceType() && instanceId.equals(grant.getResourceId()));
  }
}
