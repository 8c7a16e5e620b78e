package kr.complaintdesk.security;

import kr.complaintdesk.process.EveryUserTask;
import kr.complaintdesk.process.Refusal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task someone has claimed is completed by that person only. The engine lets any member of a candidate
 * group complete it; here the person logged in must be the assignee. A lead who takes over work first makes
 * it theirs (the product's reassignment rights), then completes it. Steps the engine runs without a person
 * (timers, tests driving the engine) are not affected.
 */
@Component
public class HolderCompletesRule extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HolderCompletesRule.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LOG.info("Every user task gets a complete listener: a claimed task is completed by its assignee only");
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_COMPLETE, HolderCompletesRule::check);
  }

  static void check(DelegateTask task) {
    IdentityService identityService = task.getProcessEngineServices().getIdentityService();
    Authentication authentication = identityService.getCurrentAuthentication();
    String assignee = task.getAssignee();
    if (authentication == null || authentication.getUserId() == null || assignee == null
        || assignee.equals(authentication.getUserId())) {
      return;
    }
    String holder = Context.getCommandContext().runWithoutAuthorization(() -> StaffNames.of(identityService, assignee));
    throw Refusal.conflict("이 작업은 " + holder + "님이 맡고 있어 완료할 수 없습니다. "
        + "맡은 사람이 처리하거나, 팀장에게 작업을 넘겨 달라고 요청하세요.");
  }
}
