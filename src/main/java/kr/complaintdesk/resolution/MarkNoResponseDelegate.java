package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.OUTCOME;
import static kr.complaintdesk.casefile.CaseVariables.string;

import kr.complaintdesk.casefile.Outcome;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer never answered the offer: the case will close as NO_RESPONSE. */
@Component("markNoResponse")
class MarkNoResponseDelegate implements JavaDelegate {

  private final Timeline timeline;

  public MarkNoResponseDelegate(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(OUTCOME, Outcome.NO_RESPONSE.name());
    timeline.record(string(execution, CASE_NUMBER), Timeline.Kind.CUSTOMER_RESPONSE, CurrentUser.SYSTEM,
        "답변 기한까지 고객 답변 없음: 무응답으로 종결", null);
  }
}
