package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.DELIVERY_ETA;
import static kr.complaintdesk.analysis.ShipmentVariables.DELIVERY_ETA_CHANGES;
import static kr.complaintdesk.analysis.ShipmentVariables.PARCEL_WHEREABOUTS;

import java.time.LocalDate;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.notification.CustomerMessages;
import kr.complaintdesk.notification.MessageTemplate;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new expected delivery date, recorded by staff while the case is open: the case keeps the date and where the
 * parcel is, the timeline says who changed it from what and why, and the customer gets a status update, as the delay
 * notice promised. All of it commits together or not at all; the update is sent once per change (its reference
 * counts the case's changes), so a change whose sending failed and was not stored sends nothing twice when repeated.
 */
@Service
class DeliveryEtaChange {

  private final CaseRecords cases;
  private final CaseInstances instances;
  private final RuntimeService runtimeService;
  private final Timeline timeline;
  private final CustomerMessages messages;

  DeliveryEtaChange(CaseRecords cases, CaseInstances instances, RuntimeService runtimeService, Timeline timeline,
      CustomerMessages messages) {
    this.cases = cases;
    this.instances = instances;
    this.runtimeService = runtimeService;
    this.timeline = timeline;
    this.messages = messages;
  }

  @Transactional
  public void change(String caseNumber, LocalDate eta, String whereabouts, String reason, String actor) {
    cases.lockForChange(caseNumber);
    ProcessInstance theCase = instances.caseInstance(caseNumber);
    if (theCase == null) {
      throw Refusal.conflict("사건 " + caseNumber + "은(는) 방금 종결되었습니다. 사건을 다시 조회해 주세요.");
    }
    boolean delay = cases.find(caseNumber).map(record -> Category.valueOf(record.category()).isDelay()).orElse(false);
    if (!delay) {
      throw Refusal.conflict("사건 " + caseNumber + "은(는) 배송 지연 사건이 아닙니다. 배송 예정일은 배송 지연·통관 지연 "
          + "사건에만 기록합니다 (불만 유형이 다르면 먼저 분류를 정정하세요).");
    }
    Object before = runtimeService.getVariable(theCase.getId(), DELIVERY_ETA);
    Object changes = runtimeService.getVariable(theCase.getId(), DELIVERY_ETA_CHANGES);
    int change = (changes instanceof Number n ? n.intValue() : 0) + 1;
    runtimeService.setVariables(theCase.getId(), Variables.createVariables()
        .putValue(DELIVERY_ETA, eta.toString())
        .putValue(PARCEL_WHEREABOUTS, whereabouts.strip())
        .putValue(DELIVERY_ETA_CHANGES, change));
    timeline.record(caseNumber, Timeline.Kind.DECISION, actor,
        "배송 예정일 변경: " + (before == null ? "없음" : before) + " → " + eta,
        "현재 위치: " + whereabouts.strip() + "\n바뀐 까닭: " + reason.strip());
    messages.send(caseNumber + ":" + MessageTemplate.DELIVERY_STATUS_UPDATE + ":" + change, caseNumber,
        MessageTemplate.DELIVERY_STATUS_UPDATE, DeliveryEta.facts(whereabouts, eta));
  }
}
