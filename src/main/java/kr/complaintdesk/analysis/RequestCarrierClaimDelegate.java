package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.*;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.ORDER_NO;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;

import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the carrier claim ({@code carrier-claim}, business key = the case number) with {@code CarrierClaimNeeded}
 * and returns at once: the analysis and the customer's offer never wait for what the carrier pays us. A case whose
 * claim is already open (an analysis run again) gets no second claim.
 */
@Component("requestCarrierClaim")
class RequestCarrierClaimDelegate implements JavaDelegate {

  static final String MESSAGE = "CarrierClaimNeeded";
  static final String PROCESS_KEY = "carrier-claim";

  private final CaseInstances instances;
  private final RuntimeService runtimeService;
  private final Timeline timeline;

  RequestCarrierClaimDelegate(CaseInstances instances, RuntimeService runtimeService, Timeline timeline) {
    this.instances = instances;
    this.runtimeService = runtimeService;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.string(execution, CASE_NUMBER);
    String tracking = CaseVariables.string(execution, TRACKING_NUMBER);
    // Logistics, who completed the investigation, need not be allowed to start processes themselves.
    boolean started = Context.getCommandContext().runWithoutAuthorization(() -> {
      if (instances.instances(caseNumber).processDefinitionKey(PROCESS_KEY).active().count() > 0) {
        return false;
      }
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(caseNumber)
          .setVariables(Variables.createVariables()
              .putValue(CASE_NUMBER, caseNumber)
              .putValue(PRIORITY, execution.getVariable(PRIORITY))
              .putValue(CATEGORY, execution.getVariable(CATEGORY))
              .putValue(ORDER_NO, execution.getVariable(ORDER_NO))
              .putValue(TRACKING_NUMBER, tracking)
              .putValue(LOGISTICS_FINDINGS, execution.getVariable(LOGISTICS_FINDINGS)))
          .correlateStartMessage();
      return true;
    });
    if (started) {
      timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.of(execution),
          "운송사 배상 청구 시작 (물류팀)", tracking == null ? null : "운송장 번호 " + tracking);
    }
  }
}
