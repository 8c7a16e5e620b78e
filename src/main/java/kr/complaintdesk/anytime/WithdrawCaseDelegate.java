package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.OUTCOME;

import kr.complaintdesk.casefile.CloseCaseDelegate;
import kr.complaintdesk.casefile.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a case the customer withdrew; the interrupting event has already ended every open task. */
@Component("withdrawCase")
class WithdrawCaseDelegate implements JavaDelegate {

  private final CloseCaseDelegate closeCase;

  public WithdrawCaseDelegate(CloseCaseDelegate closeCase) {
    this.closeCase = closeCase;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(OUTCOME, Outcome.WITHDRAWN.name());
    closeCase.execute(execution);
  }
}
