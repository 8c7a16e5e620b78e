package kr.complaintdesk.resolution;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts how often the customer contacted us again while the case was open. */
@Component("countCustomerContact")
public class CountCustomerContactDelegate implements JavaDelegate {

  public static final String CUSTOMER_CONTACTS = "customerContacts";

  @Override
  public void execute(DelegateExecution execution) {
    Object count = execution.getProcessInstance().getVariable(CUSTOMER_CONTACTS);
    execution.getProcessInstance().setVariable(CUSTOMER_CONTACTS, count == null ? 1 : ((Number) count).intValue() + 1);
  }
}
