package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.CARRIER_LIABLE;
import static kr.complaintdesk.analysis.ShipmentVariables.CUSTOMS_STATUS;
import static kr.complaintdesk.analysis.ShipmentVariables.TRACKING_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;

import java.util.Arrays;
import java.util.Locale;
import kr.complaintdesk.analysis.ShipmentVariables.CustomsStatus;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * On completing the logistics investigation: checks the tracking number and customs status and writes them onto
 * the case itself, which keeps them after the analysis ends (the case's call of the analysis maps back only the
 * analysis results). An analysis started without a case (a model test) keeps them on its own instance only.
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
    String caseNumber = CaseVariables.string(task, CASE_NUMBER);
    if (caseNumber == null) {
      return;
    }
    String trackingNumber = tracking;
    // The logistics team may not read or change the case instance itself; the case only gains what they recorded.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance theCase = instances.caseInstance(caseNumber);
      if (theCase != null) {
        runtimeService.setVariables(theCase.getId(),
            Variables.createVariables().putValue(TRACKING_NUMBER, trackingNumber).putValue(CUSTOMS_STATUS, customs));
      }
      return null;
    });
  }
}
