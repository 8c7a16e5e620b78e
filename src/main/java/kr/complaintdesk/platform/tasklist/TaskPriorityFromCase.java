package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;

import java.util.Map;
import kr.complaintdesk.platform.engine.EveryUserTask;
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
   * The task priority of a P1 case's work. Tasklist's 긴급(P1) filter lists {@code URGENT} to
   * {@link #URGENT_REMINDED}; models give no task a priority in that band (escalations have 85-95;
   * TasklistFiltersTest checks it).
   */
  public static final int URGENT = 80;
  /** A P1 case's task that a reminder raised: still P1 work, above the rest of it. */
  public static final int URGENT_REMINDED = 84;
  /** A P2-P4 case's task that a reminder raised: above their other work, below every P1 task. */
  public static final int REMINDED = 79;
  static final Map<String, Integer> TASK_PRIORITY = Map.of("P1", URGENT, "P2", 60, "P3", 50, "P4", 40);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE,
        "TaskPriorityFromCase gives the task its case's priority (P1 first in Tasklist)", TaskPriorityFromCase::prioritise);
  }

  /** Whether a task of this priority is a P1 case's work (what 긴급(P1) lists). */
  public static boolean isUrgent(int priority) {
    return priority >= URGENT && priority <= URGENT_REMINDED;
  }

  /** The priority a reminder gives a task of this priority; escalations (85 and more) keep theirs. */
  public static int reminded(int priority) {
    return isUrgent(priority) ? URGENT_REMINDED : Math.max(priority, REMINDED);
  }

  /** The priority a task of this priority gets when its case becomes P1. */
  public static int raisedToP1(int priority) {
    return priority == REMINDED ? URGENT_REMINDED : Math.max(priority, URGENT);
  }

  /** The priority a task of this priority gets when its case becomes {@code casePriority}: never a lower one. */
  public static int raisedTo(String casePriority, int priority) {
    Integer band = TASK_PRIORITY.get(casePriority);
    if (band == null) {
      return priority;
    }
    return band == URGENT ? raisedToP1(priority) : Math.max(priority, band);
  }

  static void prioritise(DelegateTask task) {
    Object casePriority = task.getVariable(PRIORITY);
    Integer priority = casePriority == null ? null : TASK_PRIORITY.get(casePriority.toString());
    if (priority != null && priority > task.getPriority()) {
      task.setPriority(priority);
    }
  }
}
