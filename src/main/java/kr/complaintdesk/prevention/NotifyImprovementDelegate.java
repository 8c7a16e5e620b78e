package kr.complaintdesk.prevention;

import static kr.complaintdesk.process.CaseVariables.LINKED_CASE_NUMBERS;
import static kr.complaintdesk.process.CaseVariables.PREVENTION_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the customers whose complaints led to an effective change what was improved. Until the
 * customer-message outbox exists, the notice is recorded in the log by case number.
 */
@Component("notifyImprovement")
public class NotifyImprovementDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyImprovementDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    LOG.info("Improvement notice of {} recorded for cases {}", execution.getVariable(PREVENTION_KEY),
        execution.getVariable(LINKED_CASE_NUMBERS));
    execution.setVariable("customersNotified", true);
  }
}
