package kr.complaintdesk.triage;

import static kr.complaintdesk.process.CaseVariables.*;

import java.util.List;
import java.util.Map;
import kr.complaintdesk.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed {@code complaint-triage} table and copies each of its outputs into a
 * case variable of the same name, where gateways, forms and Tasklist filters use it.
 */
@Component("triageComplaint")
public class TriageComplaintDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "complaint-triage";
  static final List<String> OUTPUTS = List.of(PRIORITY, FIRST_RESPONSE_HOURS, NEEDS_SAFETY_LAB,
      NEEDS_QUALITY, NEEDS_LOGISTICS, VISIT_OFFERED, PR_RISK_ALERT);
  public static final String TRIAGE_DECISION = "triageDecision";
  private static final Logger LOG = LoggerFactory.getLogger(TriageComplaintDelegate.class);

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final Timeline timeline;

  public TriageComplaintDelegate(DecisionService decisionService, RepositoryService repositoryService, Timeline timeline) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> inputs = Variables.createVariables()
        .putValue(CATEGORY, execution.getVariable(CATEGORY))
        .putValue(HARM, execution.getVariable(HARM))
        .putValue(EXTERNAL_THREAT, execution.getVariable(EXTERNAL_THREAT))
        .putValue(CHANNEL, execution.getVariable(CHANNEL));
    // The person who started the case need not be allowed to evaluate decisions themselves.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
      DmnDecisionResultEntries result = decisionService.evaluateDecisionById(decision.getId())
          .variables(inputs).evaluate().getSingleResult();
      if (result == null) {
        throw new IllegalStateException("complaint-triage v" + decision.getVersion()
            + " has no rule for category " + inputs.get(CATEGORY));
      }
      for (String output : OUTPUTS) {
        Object value = result.get(output);
        if (value == null) {
          throw new IllegalStateException("complaint-triage v" + decision.getVersion() + " gave no " + output);
        }
        execution.setVariable(output, value);
      }
      execution.setVariable(TRIAGE_DECISION, DECISION_KEY + ":" + decision.getVersion());
      timeline.record((String) execution.getVariable(CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.SYSTEM,
          "분류: " + result.get(PRIORITY) + ", 1차 응대 " + result.get(FIRST_RESPONSE_HOURS) + "영업시간 ("
              + DECISION_KEY + " v" + decision.getVersion() + ")",
          result.getEntryMap().toString());
      LOG.info("Case {} triaged by {} v{}: {}", execution.getVariable(CASE_NUMBER), DECISION_KEY,
          decision.getVersion(), execution.getVariable(PRIORITY));
      return null;
    });
  }
}
