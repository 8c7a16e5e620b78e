package kr.complaintdesk.care;

import static kr.complaintdesk.casefile.CaseVariables.TREATMENT_COST_ADDED;
import static kr.complaintdesk.casefile.CaseVariables.TREATMENT_COST_TOTAL;

import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Adds the treatment cost entered at a visit or recovery check to the case's running total, which the
 * offer and the approver see; the entry field then starts empty at the next check.
 */
@Component("recordTreatmentCost")
class RecordTreatmentCostListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object added = task.getVariable(TREATMENT_COST_ADDED);
    Object total = task.getVariable(TREATMENT_COST_TOTAL);
    long sum = total == null ? 0 : ((Number) total).longValue();
    if (added != null) {
      if (!(added instanceof Number amount) || amount.doubleValue() < 0) {
        throw Refusal.badInput("treatmentCostAdded", "0 이상의 금액이어야 합니다");
      }
      sum += Math.round(amount.doubleValue());
      task.getExecution().removeVariable(TREATMENT_COST_ADDED);
    }
    task.getExecution().setVariable(TREATMENT_COST_TOTAL, sum);
  }
}
