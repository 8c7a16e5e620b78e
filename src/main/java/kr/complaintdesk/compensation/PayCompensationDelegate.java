package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.Optional;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Line;
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
  private final FulfilmentLines fulfilmentLines;

  public PayCompensationDelegate(PayoutGateway gateway, Payouts payouts, Timeline timeline, FulfilmentLines fulfilmentLines) {
    this.gateway = gateway;
    this.payouts = payouts;
    this.timeline = timeline;
    this.fulfilmentLines = fulfilmentLines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Object lineNo = execution.getVariable(LINE_NO);
    Object offerId = execution.getVariable(OFFER_ID);
    String remedy;
    long amountKrw;
    String reference;
    if (lineNo == null) {
      // An instance of the model before offers had lines pays its single remedy under the reference it always had.
      remedy = string(execution, REMEDY);
      Object amount = execution.getVariable(OfferLines.LEGACY_OFFER_AMOUNT);
      amountKrw = amount == null ? 0 : ((Number) amount).longValue();
      reference = caseNumber + "-" + execution.getProcessInstanceId();
    } else {
      // What is paid is the line of the accepted offer as the case file keeps it, not a variable a task could set.
      Line line = fulfilmentLines.line(execution, ((Number) lineNo).intValue());
      if (!line.remedy().name().equals(execution.getVariable(LINE_REMEDY))) {
        throw new IllegalStateException("Line " + lineNo + " of case " + caseNumber + " is " + line.remedy()
            + " in the case file, not " + execution.getVariable(LINE_REMEDY));
      }
      remedy = line.remedy().name();
      amountKrw = line.amountKrw();
      // One payment per line of an offer, whichever compensation instance (or retry of its job) makes it.
      reference = caseNumber + (offerId instanceof Number id ? "-o" + id : "-" + execution.getProcessInstanceId())
          + "-" + lineNo;
    }
    Optional<String> paid = payouts.executed(reference);
    if (paid.isPresent()) {
      execution.setVariable(PAYOUT_REFERENCE, paid.get());
      return;
    }
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
        "보상 지급" + (lineNo == null ? "" : " (" + lineNo + "번째 항목)") + ": " + Remedy.valueOf(remedy).label() + " "
            + String.format("%,d원", amountKrw) + (refundDue == null ? "" : " (환불 기한 " + refundDue + ")"),
        (description == null ? "" : description + "\n") + "지급 기록 번호: " + reference + ", 거래 번호: " + transaction);
    execution.setVariable(PAYOUT_REFERENCE, transaction);
  }
}
