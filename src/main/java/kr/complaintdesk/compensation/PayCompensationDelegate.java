package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays money (refund, treatment costs) or issues credit (coupon, store credit) once the approver has
 * approved. Runs as an asynchronous job: a gateway failure is retried and then becomes an incident,
 * and the reference is the same on every retry, so the customer is paid exactly once.
 */
@Component("payCompensation")
class PayCompensationDelegate implements JavaDelegate {

  private final PayoutGateway gateway;
  private final Payouts payouts;
  private final Timeline timeline;

  public PayCompensationDelegate(PayoutGateway gateway, Payouts payouts, Timeline timeline) {
    this.gateway = gateway;
    this.payouts = payouts;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    // One compensation instance pays once; its id is stable across job retries.
    String reference = caseNumber + "-" + execution.getProcessInstanceId();
    Object amount = execution.getVariable(OFFER_AMOUNT);
    long amountKrw = amount == null ? 0 : Math.round(((Number) amount).doubleValue());
    PayoutGateway.Payout payout = new PayoutGateway.Payout(reference, caseNumber, string(execution, REMEDY), amountKrw);
    if (payouts.executed(reference).isPresent()) {
      execution.setVariable(PAYOUT_REFERENCE, payouts.executed(reference).get());
      return;
    }
    String transaction = gateway.execute(payout);
    payouts.record(payout, transaction);
    Object refundDue = execution.getVariable(REFUND_DUE_TEXT);
    timeline.record(caseNumber, Timeline.Kind.PAYOUT, CurrentUser.SYSTEM,
        "보상 지급: " + payout.remedy() + " " + amountKrw + "원" + (refundDue == null ? "" : " (환불 기한 " + refundDue + ")"),
        "지급 기록 번호: " + reference + ", 거래 번호: " + transaction);
    execution.setVariable(PAYOUT_REFERENCE, transaction);
  }
}
