package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.Remedy;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays one line of an accepted offer: money (refund, treatment costs) or credit (coupon, store credit). Runs as an
 * asynchronous job: a gateway failure is retried and then becomes an incident, and the reference (case, compensation
 * instance, line) is the same on every retry, so each line is paid exactly once.
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
    // One line of one compensation pays once; the instance id and the line number are stable across job retries. An
    // instance of the model before offers had lines pays its single remedy under the reference it always had.
    Object lineNo = execution.getVariable(LINE_NO);
    boolean single = lineNo == null;
    String reference = caseNumber + "-" + execution.getProcessInstanceId() + (single ? "" : "-" + lineNo);
    if (payouts.executed(reference).isPresent()) {
      execution.setVariable(PAYOUT_REFERENCE, payouts.executed(reference).get());
      return;
    }
    Object amount = execution.getVariable(single ? OfferLines.LEGACY_OFFER_AMOUNT : LINE_AMOUNT);
    long amountKrw = amount == null ? 0 : ((Number) amount).longValue();
    String remedy = string(execution, single ? REMEDY : LINE_REMEDY);
    if (Remedy.RESOURCING.name().equals(remedy)) {
      // A re-sourcing line pays only when it becomes a refund: the goods could not be found or the customer chose it.
      remedy = Remedy.REFUND.name();
    }
    PayoutGateway.Payout payout = new PayoutGateway.Payout(reference, caseNumber, remedy, amountKrw);
    String transaction = gateway.execute(payout);
    payouts.record(payout, transaction);
    Object refundDue = execution.getVariable(REFUND_DUE_TEXT);
    Object description = execution.getVariable(LINE_DESCRIPTION);
    timeline.record(caseNumber, Timeline.Kind.PAYOUT, CurrentUser.SYSTEM,
        "보상 지급" + (single ? "" : " (" + lineNo + "번째 항목)") + ": " + Remedy.valueOf(remedy).label() + " " + String.format("%,d원", amountKrw)
            + (refundDue == null ? "" : " (환불 기한 " + refundDue + ")"),
        (description == null ? "" : description + "\n") + "지급 기록 번호: " + reference + ", 거래 번호: " + transaction);
    execution.setVariable(PAYOUT_REFERENCE, transaction);
  }
}
