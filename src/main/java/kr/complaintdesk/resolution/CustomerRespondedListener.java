package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_RESPONSE_NOTE;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_ACCEPTED;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_ID;
import static kr.complaintdesk.casefile.CaseVariables.isTrue;
import static kr.complaintdesk.casefile.CaseVariables.string;

import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Stores the answer an agent recorded from the phone on the offer it answers. */
@Component("customerResponded")
class CustomerRespondedListener implements TaskListener {

  private final Offers offers;
  private final Timeline timeline;

  public CustomerRespondedListener(Offers offers, Timeline timeline) {
    this.offers = offers;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = string(task, CASE_NUMBER);
    boolean accepted = isTrue(task, OFFER_ACCEPTED);
    offers.answer(caseNumber, task.getVariable(OFFER_ID), accepted);
    timeline.record(caseNumber, Timeline.Kind.CUSTOMER_RESPONSE, CurrentUser.of(task),
        "고객 답변(전화): " + (accepted ? "수락" : "거절"), string(task, CUSTOMER_RESPONSE_NOTE));
  }
}
