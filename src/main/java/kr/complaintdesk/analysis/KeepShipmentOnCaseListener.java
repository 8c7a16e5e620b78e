package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.CARRIER_LIABLE;
import static kr.complaintdesk.analysis.ShipmentVariables.CUSTOMS_STATUS;
import static kr.complaintdesk.analysis.ShipmentVariables.DELAY_KIND;
import static kr.complaintdesk.analysis.ShipmentVariables.DELIVERY_ETA;
import static kr.complaintdesk.analysis.ShipmentVariables.PARCEL_WHEREABOUTS;
import static kr.complaintdesk.analysis.ShipmentVariables.TRACKING_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import kr.complaintdesk.analysis.ShipmentVariables.CustomsStatus;
import kr.complaintdesk.analysis.ShipmentVariables.DelayKind;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * On completing the logistics investigation: checks the tracking number and customs status and writes them onto
 * the case itself, which keeps them after the analysis ends (the case's call of the analysis maps back only the
 * analysis results). A late parcel ({@link Category#isDelay()}) also needs the kind of delay, where
 * the parcel is and the new expected date, which the customer's delay notice tells and the case keeps; other
 * categories keep none of the three, so no delay notice goes out for them. An analysis started without a case (a
 * model test) keeps them on its own instance only.
 */
@Component("keepShipmentOnCase")
class KeepShipmentOnCaseListener implements TaskListener {

  static final int LONGEST_TRACKING_NUMBER = 40;

  private final CaseInstances instances;
  private final RuntimeService runtimeService;

  KeepShipmentOnCaseListener(CaseInstances instances, RuntimeService runtimeService) {
    this.instances = instances;
    this.runtimeService = runtimeService;
  }

  @Override
  public void notify(DelegateTask task) {
    String tracking = CaseVariables.string(task, TRACKING_NUMBER);
    tracking = tracking == null || tracking.isBlank() ? null : tracking.trim().toUpperCase(Locale.ROOT);
    if (tracking != null && tracking.length() > LONGEST_TRACKING_NUMBER) {
      throw Refusal.badInput(TRACKING_NUMBER, LONGEST_TRACKING_NUMBER + "자 이하여야 합니다");
    }
    String customs = CaseVariables.string(task, CUSTOMS_STATUS);
    if (customs == null || Arrays.stream(CustomsStatus.values()).noneMatch(known -> known.name().equals(customs))) {
      throw Refusal.badInput(CUSTOMS_STATUS, "다음 중 하나를 고르세요: " + Arrays.toString(CustomsStatus.values()));
    }
    task.setVariable(TRACKING_NUMBER, tracking);
    // An unticked checkbox may arrive as nothing; the gateway after the investigation needs a yes or no.
    task.setVariable(CARRIER_LIABLE, CaseVariables.isTrue(task, CARRIER_LIABLE));
    VariableMap onCase = Variables.createVariables().putValue(TRACKING_NUMBER, tracking).putValue(CUSTOMS_STATUS, customs);
    String category = CaseVariables.string(task, CATEGORY);
    if (category != null && Category.valueOf(category).isDelay()) {
      onCase.putAll(delay(task));
    } else {
      task.setVariable(DELAY_KIND, null);
      task.setVariable(PARCEL_WHEREABOUTS, null);
      task.setVariable(DELIVERY_ETA, null);
    }
    String caseNumber = CaseVariables.string(task, CASE_NUMBER);
    if (caseNumber == null) {
      return;
    }
    // The logistics team may not read or change the case instance itself; the case only gains what they recorded.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance theCase = instances.caseInstance(caseNumber);
      if (theCase != null) {
        runtimeService.setVariables(theCase.getId(), onCase);
      }
      return null;
    });
  }

  /** The kind of delay, the whereabouts and the expected date, checked and kept on the task's instance. */
  private static VariableMap delay(DelegateTask task) {
    String kind = CaseVariables.string(task, DELAY_KIND);
    if (kind == null || Arrays.stream(DelayKind.values()).noneMatch(known -> known.name().equals(kind))) {
      throw Refusal.badInput(DELAY_KIND, "배송 지연 사건에는 지연 유형을 고르세요: "
          + String.join(", ", Arrays.stream(DelayKind.values()).map(k -> k.name() + " (" + k.korean() + ")").toList()));
    }
    String whereabouts = CaseVariables.string(task, PARCEL_WHEREABOUTS);
    if (whereabouts == null || whereabouts.isBlank()) {
      throw Refusal.badInput(PARCEL_WHEREABOUTS, "배송 지연 사건에는 상품이 지금 어디에 있는지 적으세요 (고객에게 그대로 안내됩니다)");
    }
    if (whereabouts.strip().length() > DeliveryEta.LONGEST_WHEREABOUTS) {
      throw Refusal.badInput(PARCEL_WHEREABOUTS, DeliveryEta.LONGEST_WHEREABOUTS + "자 이하여야 합니다");
    }
    String etaText = CaseVariables.string(task, DELIVERY_ETA);
    LocalDate eta = etaText == null ? null : EngineClock.parseDate(etaText.strip()).orElse(null);
    if (eta == null) {
      throw Refusal.badInput(DELIVERY_ETA, "배송 지연 사건에는 새 배송 예정일을 YYYY-MM-DD 형식으로 입력하세요");
    }
    String problem = DeliveryEta.problem(eta);
    if (problem != null) {
      throw Refusal.badInput(DELIVERY_ETA, problem);
    }
    VariableMap delay = Variables.createVariables().putValue(DELAY_KIND, kind)
        .putValue(PARCEL_WHEREABOUTS, whereabouts.strip()).putValue(DELIVERY_ETA, eta.toString());
    task.setVariables(delay);
    return delay;
  }
}
