package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles the case's outcome: an accepted offer is RESOLVED, a rejected final offer UNRESOLVED; an
 * outcome already set by another path (e.g. WITHDRAWN) is kept. The last step of every case (사건 종결,
 * SOP.md phase 10, which has no package of its own), whichever phase ends it.
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
    timeline.record(caseNumber, Timeline.Kind.CLOSED, CurrentUser.SYSTEM, "사건 종결: " + Outcome.korean(String.valueOf(outcome)) + " (" + outcome + ")", null);
    LOG.info("Case {} closed: {}", caseNumber, outcome);
  }
}
