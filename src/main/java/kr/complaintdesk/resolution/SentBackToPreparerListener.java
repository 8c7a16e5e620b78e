package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.ABUSE_REPORTED_BY;
import static kr.complaintdesk.casefile.CaseVariables.CASE_OWNER;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_APPROVED;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_PREPARED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An offer the approver sent back goes to the person who prepared it, with the approver's reason on the form; to the
 * case owner instead when the preparer reported abuse and the lead took over the contact.
 */
@Component("sentBackToPreparer")
class SentBackToPreparerListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object preparedBy = task.getVariable(OFFER_PREPARED_BY);
    if (Boolean.FALSE.equals(task.getVariable(OFFER_APPROVED)) && preparedBy != null) {
      // An agent protected from an abusive customer (the lead took over the contact) does not get the offer back.
      Object owner = task.getVariable(CASE_OWNER);
      boolean protectedAgent = preparedBy.equals(task.getVariable(ABUSE_REPORTED_BY)) && owner != null;
      task.setAssignee(protectedAgent ? owner.toString() : preparedBy.toString());
    }
  }
}
