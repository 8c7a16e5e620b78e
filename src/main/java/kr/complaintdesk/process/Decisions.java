package kr.complaintdesk.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision that process owners maintain, and says which
 * version answered, so the case timeline can name it. The person whose action triggered the step
 * need not be allowed to evaluate decisions themselves.
 */
@Component
public class Decisions {

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;

  public Decisions(DecisionService decisionService, RepositoryService repositoryService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /** The rows a decision returned, with the decision's key and version. */
  public record Outcome(String key, int version, List<Map<String, Object>> rows) {

    public String reference() {
      return key + " v" + version;
    }

    public Map<String, Object> single() {
      if (rows.size() != 1) {
        throw new IllegalStateException(reference() + " gave " + rows.size() + " results where one was expected");
      }
      return rows.get(0);
    }
  }

  public Outcome evaluateLatest(String key, Map<String, Object> variables) {
    return Context.getCommandContext() == null ? evaluate(key, variables)
        : Context.getCommandContext().runWithoutAuthorization(() -> evaluate(key, variables));
  }

  private Outcome evaluate(String key, Map<String, Object> variables) {
    DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(key).latestVersion().singleResult();
    if (decision == null) {
      throw new IllegalStateException("decision " + key + " is not deployed");
    }
    DmnDecisionResult result = decisionService.evaluateDecisionById(decision.getId()).variables(variables).evaluate();
    return new Outcome(key, decision.getVersion(), result.getResultList());
  }
}
