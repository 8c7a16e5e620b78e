package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the latest {@code approval-authority} decision which group approves this compensation. */
@Component("determineApprover")
public class DetermineApproverDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "approval-authority";
  private final Decisions decisions;
  private final Timeline timeline;

  public DetermineApproverDelegate(Decisions decisions, Timeline timeline) {
    this.decisions = decisions;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object amount = execution.getVariable(OFFER_AMOUNT);
    Decisions.Outcome outcome = decisions.evaluateLatest(DECISION_KEY, Variables.createVariables()
        .putValue(HARM, isTrue(execution, HARM))
        .putValue(OFFER_AMOUNT, amount instanceof Number n ? n.doubleValue() : 0d));
    Object group = outcome.single().get(APPROVER_GROUP);
    execution.setVariable(APPROVER_GROUP, group);
    timeline.record(string(execution, CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.SYSTEM,
        "승인 권한: " + group + " (" + outcome.reference() + ")", "offerAmount=" + amount);
  }
}
