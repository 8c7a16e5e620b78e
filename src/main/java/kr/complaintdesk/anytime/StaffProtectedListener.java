package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.ABUSE_REPORTED_BY;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CASE_OWNER;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.util.List;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The lead who recorded the protective measures after abuse of a member of staff takes over the
 * contact with the customer (산업안전보건법 제41조): they become the case owner, and the case's open tasks
 * that the abused agent held are given to them, so no further call of that customer lands with the agent.
 */
@Component("staffProtected")
class StaffProtectedListener implements TaskListener {

  private final CaseInstances instances;
  private final TaskService taskService;
  private final Timeline timeline;

  public StaffProtectedListener(CaseInstances instances, TaskService taskService, Timeline timeline) {
    this.instances = instances;
    this.taskService = taskService;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String lead = CurrentUser.of(task);
    if (lead == null) {
      throw new IllegalStateException("보호 조치는 팀장이 맡은(claim) 뒤에 완료할 수 있습니다");
    }
    String caseNumber = string(task, CASE_NUMBER);
    Object reporter = task.getVariable(ABUSE_REPORTED_BY);
    Object owner = task.getVariable(CASE_OWNER);
    String agent = reporter != null && !reporter.equals(lead) ? reporter.toString() : owner == null ? null : owner.toString();
    task.setVariable(CASE_OWNER, lead);
    if (agent == null || agent.equals(lead)) {
      return;
    }
    // The lead need not be a candidate of every task the agent held; handing them over is the case's decision.
    List<String> handedOver = Context.getCommandContext().runWithoutAuthorization(() -> {
      List<Task> held = instances.tasks(caseNumber).taskAssignee(agent).list();
      held.forEach(open -> taskService.setAssignee(open.getId(), lead));
      return held.stream().map(Task::getName).toList();
    });
    timeline.record(caseNumber, Timeline.Kind.ESCALATION, lead, "고객 응대 인계: " + agent + " → " + lead,
        handedOver.isEmpty() ? null : "넘겨받은 작업: " + String.join(", ", handedOver));
  }
}
