package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.DELAY_KIND;
import static kr.complaintdesk.analysis.ShipmentVariables.DELIVERY_ETA;
import static kr.complaintdesk.analysis.ShipmentVariables.PARCEL_WHEREABOUTS;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.time.LocalDate;
import kr.complaintdesk.analysis.ShipmentVariables.DelayKind;
import kr.complaintdesk.notification.CustomerMessages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 배송 지연 안내 발송: after the logistics investigation of a late parcel, the customer gets the reply of the kind of
 * delay logistics found, with where the parcel is and the new expected date, through the customer-message outbox
 * (once per case and step, on the timeline, opt-outs as the outbox applies them).
 */
@Component("sendDelayNotice")
class SendDelayNoticeDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  SendDelayNoticeDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    DelayKind kind = DelayKind.valueOf(string(execution, DELAY_KIND));
    messages.send(caseNumber + ":" + execution.getCurrentActivityId(), caseNumber, kind.message(),
        DeliveryEta.facts(string(execution, PARCEL_WHEREABOUTS), LocalDate.parse(string(execution, DELIVERY_ETA))));
  }
}
