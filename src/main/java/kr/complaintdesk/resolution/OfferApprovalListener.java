package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Stores the approver's decision on the offer waiting for it, before the customer hears the offer. */
@Component("offerApproval")
class OfferApprovalListener implements TaskListener {

  private final Offers offers;
  private final Timeline timeline;

  public OfferApprovalListener(Offers offers, Timeline timeline) {
    this.offers = offers;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = isTrue(task, OFFER_APPROVED);
    task.setVariable(OFFER_APPROVED, approved);
    String caseNumber = string(task, CASE_NUMBER);
    String approver = CurrentUser.of(task);
    String note = string(task, APPROVAL_NOTE);
    if (task.getVariable(OFFER_ID) instanceof Number offerId && !offers.decide(offerId.longValue(), approved, approver, note)) {
      throw new IllegalStateException("Offer " + offerId + " of case " + caseNumber + " waits for no approval");
    }
    timeline.record(caseNumber, Timeline.Kind.DECISION, approver,
        "해결안 " + (approved ? "승인" : "반려 (작성자가 고쳐 다시 올림)") + ": " + OfferLines.summary(OfferLines.of(task)), note);
  }
}
