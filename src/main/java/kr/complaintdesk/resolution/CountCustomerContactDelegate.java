package kr.complaintdesk.resolution;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts how often the customer contacted us again while the case was open, and keeps this contact's
 * number in the scope of its event sub-process, so that contacts arriving together each see their own.
 */
@Component("countCustomerContact")
public class CountCustomerContactDelegate implements JavaDelegate {

  public static final String CUSTOMER_CONTACTS = "customerContacts";
  public static final String CONTACT_NUMBER = "contactNumber";

  @Override
  public void execute(DelegateExecution execution) {
    Object count = execution.getProcessInstance().getVariable(CUSTOMER_CONTACTS);
    int number = count == null ? 1 : ((Number) count).intValue() + 1;
    execution.getProcessInstance().setVariable(CUSTOMER_CONTACTS, number);
    execution.setVariableLocal(CONTACT_NUMBER, number);
  }
}
