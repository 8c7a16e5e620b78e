package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An offer of the earlier model, rejected before payment and changed with the customer: whoever changed it is now its
 * preparer (so they cannot approve it), and the change is on the timeline.
 */
@Component("earlierOfferRevised")
class EarlierOfferRevisedListener implements TaskListener {

  private final Timeline timeline;

  EarlierOfferRevisedListener(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String revisedBy = CurrentUser.of(task);
    task.setVariable(OFFER_PREPARED_BY, revisedBy);
    timeline.record(string(task, CASE_NUMBER), Timeline.Kind.OFFER, revisedBy,
        "반려된 해결안 고침: " + OfferLines.summary(OfferLines.of(task)), string(task, OFFER_TEXT));
  }
}
