package kr.complaintdesk.care;

import static kr.complaintdesk.casefile.CaseVariables.REQUESTED_CARE_VISIT_RUNNING;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Marks on the case whether the care visit staff requested after the first contact runs (from the start to the end
 * of {@code CallActivity_RequestedCareVisit}, also when a withdrawal cancels it). A case that has not looked up its
 * remedies yet waits for the mark to clear, as it waits for the visit triage started, so that the treatment costs of
 * the visit reach the offer and the compensation.
 */
@Component("requestedCareVisit")
class RequestedCareVisitListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance()
        .setVariable(REQUESTED_CARE_VISIT_RUNNING, EVENTNAME_START.equals(execution.getEventName()));
  }
}
