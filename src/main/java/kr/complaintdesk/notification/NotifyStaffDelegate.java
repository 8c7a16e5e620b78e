package kr.complaintdesk.notification;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CASE_OWNER;
import static kr.complaintdesk.casefile.CaseVariables.NOTICE;
import static kr.complaintdesk.casefile.CaseVariables.REMINDED_TASK;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.tasklist.TaskPriorityFromCase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells the people responsible that something needs them; the input {@code notice} is the subject.
 * <ul>
 *   <li>With the input {@code remindedTask} (a task definition key of this process) it is a reminder:
 *   the open task is raised to the priority {@link TaskPriorityFromCase#reminded} gives (84 for a P1 case's
 *   task, at least 79 otherwise) so that it sorts above the case's other work in Tasklist, and
 *   its assignee is told, or, while nobody has taken it, every member of its candidate groups. The
 *   notice names the task and its due time. A task already done gets no reminder.</li>
 *   <li>Without it, the case owner (the agent of the first contact) is told.</li>
 * </ul>
 * Runs as an asynchronous step: a failing mail server retries the job, and people already told under
 * the step's reference are not told again.
 */
@Component("notifyStaff")
class NotifyStaffDelegate implements JavaDelegate {


  private final StaffNotifications notifications;
  private final TaskService taskService;
  private final IdentityService identityService;

  public NotifyStaffDelegate(StaffNotifications notifications, TaskService taskService, IdentityService identityService) {
    this.notifications = notifications;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    String notice = string(execution, NOTICE);
    String remindedTask = string(execution, REMINDED_TASK);
    String reference = caseNumber + ":" + stableExecutionId(execution);
    if (remindedTask == null) {
      Object owner = execution.getVariable(CASE_OWNER);
      notifications.notify(reference, caseNumber, owner == null ? List.of() : List.of(owner.toString()), notice,
          notice + "\n사건 번호: " + caseNumber);
      return;
    }
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(remindedTask).list();
    for (Task task : tasks) {
      int reminded = TaskPriorityFromCase.reminded(task.getPriority());
      if (reminded != task.getPriority()) {
        task.setPriority(reminded);
        taskService.saveTask(task);
      }
      String due = task.getDueDate() == null ? ""
          : " (" + EngineClock.MINUTES.format(EngineClock.inKorea(task.getDueDate())) + "까지)";
      notifications.notify(reference, caseNumber, peopleFor(task), notice + due,
          notice + due + "\n작업: " + task.getName() + "\n사건 번호: " + caseNumber);
    }
  }

  /**
   * An id that is the same on every retry of this step and differs between two runs of it (two contacts,
   * two reminders). A step with input mappings runs in a scope execution the engine creates anew on each
   * attempt; its parent, the execution the timer or the split created, is stable.
   */
  static String stableExecutionId(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    if (entity.isScope() && entity.getActivity() != null && entity.getActivity().isScope() && entity.getParent() != null) {
      return entity.getParentId();
    }
    return entity.getId();
  }

  private Set<String> peopleFor(Task task) {
    Set<String> people = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      people.add(task.getAssignee());
      return people;
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream().map(User::getId)
            .forEach(people::add);
      }
    }
    return people;
  }
}
