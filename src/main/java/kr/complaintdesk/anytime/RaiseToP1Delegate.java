package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;
import static kr.complaintdesk.casefile.CaseVariables.PR_RISK_ALERT;
import static kr.complaintdesk.casefile.CaseVariables.string;

import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.platform.tasklist.TaskPriorityFromCase;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * A media, agency or viral threat raised during the case: the case becomes P1 (threats are always P1)
 * and so do its open tasks, in every called process, so they rise to the top of Tasklist.
 */
@Component("raiseToP1")
class RaiseToP1Delegate implements JavaDelegate {

  private final CaseInstances instances;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Timeline timeline;

  public RaiseToP1Delegate(CaseInstances instances, TaskService taskService, RuntimeService runtimeService,
      Timeline timeline) {
    this.instances = instances;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Object before = execution.getVariable(PRIORITY);
    execution.getProcessInstance().setVariable(PRIORITY, "P1");
    execution.getProcessInstance().setVariable(PR_RISK_ALERT, true);
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // Called processes carry their own copy of the priority (TaskPriorityFromCase gives their tasks the P1 priority from it).
      instances.instances(caseNumber).list()
          .forEach(instance -> runtimeService.setVariable(instance.getId(), PRIORITY, "P1"));
      instances.tasks(caseNumber).list().stream()
          .filter(task -> TaskPriorityFromCase.raisedToP1(task.getPriority()) != task.getPriority())
          .forEach(task -> taskService.setPriority(task.getId(), TaskPriorityFromCase.raisedToP1(task.getPriority())));
      return null;
    });
    timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.of(execution),
        "외부 위협 제기: 우선순위 " + before + " → P1, 홍보·리스크팀 평가", null);
  }
}
