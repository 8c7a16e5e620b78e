package kr.complaintdesk.platform.security;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Who may read process variables (customers' names, contacts, health details): whoever holds READ on
 * that one process instance or that one task, or a variable permission (READ_INSTANCE_VARIABLE,
 * READ_TASK_VARIABLE, READ_VARIABLE); never whoever merely sees all instances of a definition.
 *
 * <p>Specific variable permissions are enforced (application.yaml) so that process owners, who hold
 * READ_INSTANCE and READ_HISTORY on every definition to watch flows in Cockpit, read no variables. The
 * engine then also stops READ on a single instance or task from covering its variables, and has no
 * permission that grants one instance's variables. Staff hold exactly such single grants: on the tasks
 * offered to them (the engine), on the instances behind those tasks ({@link CandidateGroupInstanceAccess})
 * and on a call-back a lead may hand on ({@code leadMayReassign}); Tasklist's list shows the case number,
 * priority and category of their tasks from those instances' variables, and the form loads the task's.
 * Here those grants keep covering the variables of that one instance or task, as without enforcement:
 * region-busan reads the visits in Busan and no others.
 *
 * <p>Only the runtime variable reads change; history and every other check stay as Camunda documents them.
 */
@Component
class VariableAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> sessionFactories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessionFactories.addAll(configuration.getCustomSessionFactories());
    }
    sessionFactories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GrantedVariablesAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(sessionFactories);

    List<CommandChecker> checkers = new ArrayList<>();
    if (configuration.getCommandCheckers() == null) {
      checkers.add(new TenantCommandChecker());
      checkers.add(new GrantedVariablesCommandChecker());
    } else {
      for (CommandChecker checker : configuration.getCommandCheckers()) {
        checkers.add(checker instanceof AuthorizationCommandChecker ? new GrantedVariablesCommandChecker() : checker);
      }
    }
    configuration.setCommandCheckers(checkers);
  }

  /** Variable queries: REST {@code /variable-instance}, Tasklist's task list, Cockpit's variables tab. */
  static class GrantedVariablesAuthorizationManager extends AuthorizationManager {

    @Override
    protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
      if (!isEnsureSpecificVariablePermission()) {
        super.configureVariableInstanceQuery(query);
        return;
      }
      configureQuery(query);
      if (query.getAuthCheck().isAuthorizationCheckEnabled()) {
        CompositePermissionCheck check = new PermissionCheckBuilder()
            .disjunctive()
            .atomicCheck(PROCESS_INSTANCE, "RES.PROC_INST_ID_", Permissions.READ)
            .atomicCheck(PROCESS_DEFINITION, "PROCDEF.KEY_", ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)
            .atomicCheck(TASK, "RES.TASK_ID_", TaskPermissions.READ)
            .atomicCheck(TASK, "RES.TASK_ID_", TaskPermissions.READ_VARIABLE)
            .build();
        addPermissionCheck(query.getAuthCheck(), check);
      }
    }
  }

  /** Reading the variables of an instance ({@code RuntimeService}) or of a task and its form ({@code TaskService}, {@code FormService}). */
  static class GrantedVariablesCommandChecker extends AuthorizationCommandChecker {

    @Override
    public void checkReadProcessInstanceVariable(ExecutionEntity execution) {
      if (!getAuthorizationManager().isEnsureSpecificVariablePermission()) {
        super.checkReadProcessInstanceVariable(execution);
        return;
      }
      getAuthorizationManager().checkAuthorization(new PermissionCheckBuilder()
          .disjunctive()
          .atomicCheckForResourceId(PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ)
          .atomicCheckForResourceId(PROCESS_DEFINITION, execution.getProcessDefinition().getKey(),
              ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)
          .build());
    }

    @Override
    public void checkReadTaskVariable(TaskEntity task) {
      if (!getAuthorizationManager().isEnsureSpecificVariablePermission() || task.getExecutionId() == null) {
        super.checkReadTaskVariable(task);
        return;
      }
      getAuthorizationManager().checkAuthorization(new PermissionCheckBuilder()
          .disjunctive()
          .atomicCheckForResourceId(TASK, task.getId(), TaskPermissions.READ)
          .atomicCheckForResourceId(TASK, task.getId(), TaskPermissions.READ_VARIABLE)
          .atomicCheckForResourceId(PROCESS_DEFINITION, task.getExecution().getProcessDefinition().getKey(),
              ProcessDefinitionPermissions.READ_TASK_VARIABLE)
          .build());
    }
  }
}
