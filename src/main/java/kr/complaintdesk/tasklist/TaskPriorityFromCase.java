package kr.complaintdesk.tasklist;

import java.util.Map;
import kr.complaintdesk.process.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every task the priority of its case (P1 highest), so Tasklist sorts urgent work first. A task
 * whose model sets a higher priority (an escalation) keeps it.
 */
@Component
public class TaskPriorityFromCase extends AbstractProcessEnginePlugin {

  /**
   * The task priority of a P1 case's work, which Tasklist's 긴급(P1) filter lists. Models give no task this
   * priority themselves (escalations have 85-95; ModelLintTest checks it).
   */
  public static final int URGENT = 80;
  static final Map<String, Integer> TASK_PRIORITY = Map.of("P1", URGENT, "P2", 60, "P3", 50, "P4", 40);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, TaskPriorityFromCase::prioritise);
  }

  static void prioritise(DelegateTask task) {
    Object casePriority = task.getVariable("priority");
    Integer priority = casePriority == null ? null : TASK_PRIORITY.get(casePriority.toString());
    if (priority != null && priority > task.getPriority()) {
      task.setPriority(priority);
    }
  }
}
