package kr.complaintdesk.platform.security;

import kr.complaintdesk.platform.engine.EngineRefusals;
import kr.complaintdesk.platform.engine.EveryUserTask;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A task someone has claimed is theirs: only they complete it or give it up. The engine lets any member of a
 * candidate group complete a claimed task, or unclaim it (a claim without a user) and take it; here anyone else
 * needs the right to reassign the task (leads on a promised call-back, administrators), the same right the
 * engine asks of whoever sets an assignee. Steps the engine runs without a person (timers) or that the
 * process itself takes (an abuse report handing the agent's work to the lead, in a listener) are not affected.
 *
 * <p>Its listeners come before the other plugins' listeners on every task (plugins without an order follow the
 * order of their packages), so that a completion it refuses is refused before anything, the case timeline
 * included, records it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class TaskHolderRule extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_COMPLETE,
        "TaskHolderRule lets only the assignee, or someone who may reassign the task, complete a claimed task",
        TaskHolderRule::checkCompletion);
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_UPDATE,
        "TaskHolderRule lets only the assignee, or someone who may reassign the task, give up a claimed task",
        TaskHolderRule::checkReassignment);
  }

  static void checkCompletion(DelegateTask task) {
    String holder = task.getAssignee();
    if (holder != null && actsForSomeoneElse(task, holder)) {
      throw Refusal.conflict("이 작업은 " + name(task, holder) + "님이 맡고 있어 완료할 수 없습니다. "
          + "맡은 사람이 처리하거나, 팀장에게 작업을 넘겨 달라고 요청하세요.");
    }
  }

  /** A claim without a user (or to another user) takes the task from its holder. */
  static void checkReassignment(DelegateTask task) {
    PropertyChange assignee = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
    Object holder = assignee == null ? null : assignee.getOrgValue();
    if (holder != null && actsForSomeoneElse(task, holder.toString())) {
      throw Refusal.conflict("이 작업은 " + name(task, holder.toString()) + "님이 맡고 있습니다. "
          + "작업을 내려놓거나 넘기는 것은 맡은 사람이나 팀장만 할 수 있습니다.");
    }
  }

  /** Whether the person logged in is not the holder and may not reassign the task either. */
  private static boolean actsForSomeoneElse(DelegateTask task, String holder) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (EngineRefusals.inNestedCommand() || authentication == null || authentication.getUserId() == null
        || holder.equals(authentication.getUserId())) {
      return false;
    }
    // Listeners run with the engine's authorization checks off; this one asks as the person logged in.
    CommandContext context = Context.getCommandContext();
    boolean checking = context.isAuthorizationCheckEnabled();
    context.enableAuthorizationCheck();
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskAssign((TaskEntity) task);
      }
      return false;
    } catch (AuthorizationException e) {
      return true;
    } finally {
      if (!checking) {
        context.disableAuthorizationCheck();
      }
    }
  }

  private static String name(DelegateTask task, String userId) {
    IdentityService identityService = task.getProcessEngineServices().getIdentityService();
    return Context.getCommandContext().runWithoutAuthorization(() -> StaffNames.of(identityService, userId));
  }
}
