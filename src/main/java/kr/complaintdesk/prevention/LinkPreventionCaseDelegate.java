package kr.complaintdesk.prevention;

import static kr.complaintdesk.casefile.CaseVariables.LINKED_CASE_NUMBERS;
import static kr.complaintdesk.casefile.CaseVariables.REPORTED_CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adds a case with the same product and root cause to the open action's list of linked cases. */
@Component("linkPreventionCase")
class LinkPreventionCaseDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reported = string(execution, REPORTED_CASE_NUMBER);
    Object linked = execution.getProcessInstance().getVariable(LINKED_CASE_NUMBERS);
    Set<String> cases = new LinkedHashSet<>();
    if (linked != null && !linked.toString().isBlank()) {
      cases.addAll(List.of(linked.toString().split(",\\s*")));
    }
    cases.add(reported);
    execution.getProcessInstance().setVariable(LINKED_CASE_NUMBERS, String.join(", ", cases));
    execution.removeVariable(REPORTED_CASE_NUMBER);
  }
}
