package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.OFFER_APPROVED;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_PREPARED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** An offer the approver sent back goes to the person who prepared it, with the approver's reason on the form. */
@Component("sentBackToPreparer")
class SentBackToPreparerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object preparedBy = task.getVariable(OFFER_PREPARED_BY);
    if (Boolean.FALSE.equals(task.getVariable(OFFER_APPROVED)) && preparedBy != null) {
      task.setAssignee(preparedBy.toString());
    }
  }
}
