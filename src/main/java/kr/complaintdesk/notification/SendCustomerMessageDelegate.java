package kr.complaintdesk.notification;

import static kr.complaintdesk.process.CaseVariables.CASE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the message named by the task's {@code messageTemplate} input to the case's customer. The
 * reference (case + step) is the same on every retry of the job.
 */
@Component("sendCustomerMessage")
public class SendCustomerMessageDelegate implements JavaDelegate {

  public static final String TEMPLATE = "messageTemplate";
  private final CustomerMessages messages;

  public SendCustomerMessageDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    MessageTemplate template = MessageTemplate.valueOf((String) execution.getVariable(TEMPLATE));
    messages.send(caseNumber + ":" + execution.getCurrentActivityId(), caseNumber, template);
  }
}
