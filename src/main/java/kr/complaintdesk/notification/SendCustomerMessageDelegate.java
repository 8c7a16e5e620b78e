package kr.complaintdesk.notification;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.MESSAGE_TEMPLATE;
import static kr.complaintdesk.casefile.CaseVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the message named by the task's {@code messageTemplate} input to the case's customer. The
 * reference (case + step) is the same on every retry of the job.
 */
@Component("sendCustomerMessage")
class SendCustomerMessageDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  public SendCustomerMessageDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    MessageTemplate template = MessageTemplate.valueOf(string(execution, MESSAGE_TEMPLATE));
    messages.send(caseNumber + ":" + execution.getCurrentActivityId(), caseNumber, template);
  }
}
