package kr.complaintdesk.resolution;

import static kr.complaintdesk.process.CaseVariables.*;

import kr.complaintdesk.intake.CaseRecords;
import kr.complaintdesk.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles the case's outcome: an accepted offer is RESOLVED, a rejected final offer UNRESOLVED; an
 * outcome already set by another path (e.g. WITHDRAWN) is kept.
 */
@Component("closeCase")
public class CloseCaseDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CloseCaseDelegate.class);

  private final CaseRecords cases;
  private final Timeline timeline;

  public CloseCaseDelegate(CaseRecords cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariable(OUTCOME);
    if (outcome == null) {
      outcome = isTrue(execution, OFFER_ACCEPTED) ? Outcome.RESOLVED : Outcome.UNRESOLVED;
      execution.setVariable(OUTCOME, outcome.toString());
    }
    String caseNumber = string(execution, CASE_NUMBER);
    cases.close(caseNumber, outcome.toString());
    timeline.record(caseNumber, Timeline.Kind.CLOSED, CurrentUser.SYSTEM, "사건 종결: " + outcome, null);
    LOG.info("Case {} closed: {}", caseNumber, outcome);
  }
}
