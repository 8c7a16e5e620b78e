package kr.complaintdesk.prevention;

import static kr.complaintdesk.casefile.CaseVariables.CUSTOMERS_NOTIFIED;
import static kr.complaintdesk.casefile.CaseVariables.LINKED_CASE_NUMBERS;
import static kr.complaintdesk.casefile.CaseVariables.PREVENTION_KEY;
import static kr.complaintdesk.casefile.CaseVariables.string;

import kr.complaintdesk.notification.CustomerMessages;
import kr.complaintdesk.notification.MessageTemplate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customers whose complaints led to an effective change what was improved: one message per
 * linked case, each once, through the customer-message outbox (which honours opt-outs).
 */
@Component("notifyImprovement")
class NotifyImprovementDelegate implements JavaDelegate {

  private final CustomerMessages messages;

  public NotifyImprovementDelegate(CustomerMessages messages) {
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = string(execution, PREVENTION_KEY);
    for (String caseNumber : String.valueOf(execution.getVariable(LINKED_CASE_NUMBERS)).split(",\\s*")) {
      messages.send(caseNumber + ":" + MessageTemplate.IMPROVEMENT_NOTICE + ":" + key, caseNumber,
          MessageTemplate.IMPROVEMENT_NOTICE);
    }
    execution.setVariable(CUSTOMERS_NOTIFIED, true);
  }
}
