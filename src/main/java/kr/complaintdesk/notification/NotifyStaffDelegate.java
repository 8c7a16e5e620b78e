package kr.complaintdesk.notification;

import static kr.complaintdesk.process.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.process.CaseVariables.CASE_OWNER;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells the person responsible that something needs them. With the input {@code remindedTask} (a task
 * definition key of this process) it is a reminder: that open task is raised to {@link #REMINDER_PRIORITY}
 * so it sorts to the top in Tasklist, and its assignee (else the case owner) is notified. Without it, the
 * case owner (the agent of the first contact) is notified. The input {@code notice} is the subject.
 * Runs as an asynchronous step: a failing mail server retries the job, the reference stays the same.
 */
@Component("notifyStaff")
public class NotifyStaffDelegate implements JavaDelegate {

  public static final String NOTICE = "notice";
  public static final String REMINDED_TASK = "remindedTask";
  public static final int REMINDER_PRIORITY = 90;

  private final StaffNotifications notifications;
  private final TaskService taskService;

  public NotifyStaffDelegate(StaffNotifications notifications, TaskService taskService) {
    this.notifications = notifications;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    String notice = (String) execution.getVariable(NOTICE);
    String remindedTask = (String) execution.getVariable(REMINDED_TASK);
    String recipient = (String) execution.getVariable(CASE_OWNER);
    StringBuilder body = new StringBuilder(notice).append("\n사건 번호: ").append(caseNumber);
    if (remindedTask != null) {
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(remindedTask).list();
      for (Task task : tasks) {
        if (task.getPriority() < REMINDER_PRIORITY) {
          task.setPriority(REMINDER_PRIORITY);
          taskService.saveTask(task);
        }
        if (task.getAssignee() != null) {
          recipient = task.getAssignee();
        }
        body.append("\n작업: ").append(task.getName());
      }
    }
    notifications.notify(caseNumber + ":" + execution.getCurrentActivityId() + ":" + execution.getId(), caseNumber,
        recipient, notice, body.toString());
  }
}
