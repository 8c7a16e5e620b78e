package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.casefile.Offers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Stores the customer's answer that arrived as the message {@code CustomerResponded} on the offer it answers, so the
 * case file and the process agree whoever correlated it. The case API stores the answer before it correlates; then
 * the offer is answered already and this changes nothing.
 */
@Component("answeredByMessage")
class AnsweredByMessageListener implements ExecutionListener {

  private final Offers offers;

  public AnsweredByMessageListener(Offers offers) {
    this.offers = offers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    offers.answer(string(execution, CASE_NUMBER), execution.getVariable(OFFER_ID), isTrue(execution, OFFER_ACCEPTED));
  }
}
