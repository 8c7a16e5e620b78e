package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.CONTACT_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_CONTACTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts how often the customer contacted us again while the case was open, and keeps this contact's
 * number in the scope of its event sub-process, so that contacts arriving together each see their own.
 */
@Component("countCustomerContact")
class CountCustomerContactDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object count = execution.getProcessInstance().getVariable(CUSTOMER_CONTACTS);
    int number = count == null ? 1 : ((Number) count).intValue() + 1;
    execution.getProcessInstance().setVariable(CUSTOMER_CONTACTS, number);
    execution.setVariableLocal(CONTACT_NUMBER, number);
  }
}
