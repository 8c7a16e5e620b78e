package kr.complaintdesk.triage;

import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CHANNEL;
import static kr.complaintdesk.casefile.CaseVariables.EXTERNAL_THREAT;
import static kr.complaintdesk.casefile.CaseVariables.HARM;
import static kr.complaintdesk.casefile.CaseVariables.ORDER_VALUE;
import static kr.complaintdesk.casefile.CaseVariables.REPEAT_COMPLAINANT;
import static kr.complaintdesk.triage.TriageComplaintDelegate.DECISION_KEY;
import static kr.complaintdesk.triage.TriageComplaintDelegate.OUTPUTS;

import java.util.Map;
import kr.complaintdesk.platform.engine.Decisions;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The latest deployed {@code complaint-triage} decision on a case's facts, at intake and again when staff correct the
 * category or the harm: one place reads the facts from the case, so both ask the same question.
 */
@Component
class TriageDecision {

  private final Decisions decisions;

  TriageDecision(Decisions decisions) {
    this.decisions = decisions;
  }

  /** The decision on the case's facts in {@code facts}, taking {@code category} and {@code harm} as given. */
  Decisions.Outcome decide(VariableScope facts, Object category, Object harm) {
    Map<String, Object> inputs = Variables.createVariables()
        .putValue(CATEGORY, category)
        .putValue(HARM, harm)
        .putValue(EXTERNAL_THREAT, facts.getVariable(EXTERNAL_THREAT))
        .putValue(CHANNEL, facts.getVariable(CHANNEL))
        .putValue(REPEAT_COMPLAINANT, facts.getVariable(REPEAT_COMPLAINANT))
        .putValue(ORDER_VALUE, facts.getVariable(ORDER_VALUE));
    Decisions.Outcome outcome = decisions.evaluateLatest(DECISION_KEY, inputs);
    Map<String, Object> result = outcome.single();
    for (String output : OUTPUTS) {
      if (result.get(output) == null) {
        throw new IllegalStateException(outcome.reference() + " gave no " + output);
      }
    }
    return outcome;
  }
}
