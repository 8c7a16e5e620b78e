package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;

import kr.complaintdesk.platform.tasklist.TaskPriorityFromCase;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * A case's priority, {@code P1} (most urgent) to {@code P4}, as the case and its open work carry it. Raising it
 * changes the case's variable, the copy every process the case called carries, and the priority of every open task
 * of them all, so that the work rises in Tasklist at once ({@link TaskPriorityFromCase} gives tasks made later theirs).
 */
@Component
public class CasePriority {

  private final CaseInstances instances;
  private final TaskService taskService;

  public CasePriority(CaseInstances instances, TaskService taskService) {
    this.instances = instances;
    this.taskService = taskService;
  }

  /** The more urgent of two priorities ({@code P1} sorts first); an unknown one yields to the other. */
  public static String higher(String one, String other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return one.compareTo(other) <= 0 ? one : other;
  }

  /**
   * Within a step of the case: gives the case numbered {@code caseNumber}, every process it called and their open
   * tasks the priority {@code priority}. A task already above it (an escalation, a reminded task) keeps its own. The
   * step is the case's own, so it needs no grant of whoever set it off.
   */
  public void raise(String caseNumber, String priority) {
    instances.spread(caseNumber, PRIORITY, priority, task -> {
      int raised = TaskPriorityFromCase.raisedTo(priority, task.getPriority());
      if (raised != task.getPriority()) {
        taskService.setPriority(task.getId(), raised);
      }
    });
  }
}
