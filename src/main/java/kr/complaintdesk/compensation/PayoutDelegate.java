package kr.complaintdesk.compensation;

import static kr.complaintdesk.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays money (refund, treatment costs) or issues credit (coupon, store credit) once the approver has
 * approved. Runs as an asynchronous job: a gateway failure is retried and then becomes an incident,
 * and the reference is the same on every retry, so the customer is paid exactly once.
 */
@Component("payCompensation")
public class PayoutDelegate implements JavaDelegate {

  private final PayoutGateway gateway;

  public PayoutDelegate(PayoutGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    // One compensation instance pays once; its id is stable across job retries.
    String reference = caseNumber + "-" + execution.getProcessInstanceId();
    Object amount = execution.getVariable(OFFER_AMOUNT);
    long amountKrw = amount == null ? 0 : Math.round(((Number) amount).doubleValue());
    String transaction = gateway.execute(new PayoutGateway.Payout(reference, caseNumber,
        (String) execution.getVariable(REMEDY), amountKrw));
    execution.setVariable(PAYOUT_REFERENCE, transaction);
  }
}
