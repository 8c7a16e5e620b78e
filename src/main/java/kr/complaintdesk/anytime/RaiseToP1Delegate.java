package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;
import static kr.complaintdesk.casefile.CaseVariables.PR_RISK_ALERT;
import static kr.complaintdesk.casefile.CaseVariables.string;

import kr.complaintdesk.casefile.CasePriority;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A media, agency or viral threat raised during the case: the case becomes P1 (threats are always P1)
 * and so do its open tasks, in every called process, so they rise to the top of Tasklist.
 */
@Component("raiseToP1")
class RaiseToP1Delegate implements JavaDelegate {

  private final CasePriority priorities;
  private final Timeline timeline;

  public RaiseToP1Delegate(CasePriority priorities, Timeline timeline) {
    this.priorities = priorities;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Object before = execution.getVariable(PRIORITY);
    execution.getProcessInstance().setVariable(PR_RISK_ALERT, true);
    priorities.raise(caseNumber, "P1");
    timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.of(execution),
        "외부 위협 제기: 우선순위 " + before + " → P1, 홍보·리스크팀 평가", null);
  }
}
