package kr.complaintdesk.platform.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * Whoever deploys (a process owner from Modeler) may read that deployment but not delete it. The
 * engine's default grants READ and DELETE, and deleting a deployment with "cascade" deletes every case
 * started on its models, with their history, without asking for any other permission.
 */
@Component
class DeploymentAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] grants = super.newDeployment(deployment);
        if (grants != null) {
          for (Authorization grant : grants) {
            grant.removePermission(Permissions.DELETE);
          }
        }
        return grants;
      }
    });
  }
}
