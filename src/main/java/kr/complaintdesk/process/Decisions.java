package kr.complaintdesk.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision that process owners maintain, and says which
 * version answered, so the case timeline can name it. The person whose action triggered the step
 * need not be allowed to evaluate decisions themselves.
 *
 * <p>The latest version is looked up in the database on every evaluation, the way the engine itself finds the
 * latest definition when it starts or evaluates by key: a process owner may deploy a new version from Modeler
 * to any node at any moment, and a per-node cache could not see a deployment made on another node.
 */
@Component
public class Decisions {

  private final DecisionService decisionService;
  private final CommandExecutor commands;

  public Decisions(DecisionService decisionService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.decisionService = decisionService;
    this.commands = engineConfiguration.getCommandExecutorTxRequired();
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

  /** Inside a process step this joins the step's command; the evaluation goes into the case's history. */
  public Outcome evaluateLatest(String key, Map<String, Object> variables) {
    return commands.execute(context -> context.runWithoutAuthorization(() -> evaluate(context, key, variables)));
  }

  private Outcome evaluate(CommandContext context, String key, Map<String, Object> variables) {
    // One select by key, the definition's model from the engine's deployment cache; the evaluation by id below
    // finds the same definition in the command's entity cache instead of selecting it again.
    DecisionDefinition decision = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedLatestDecisionDefinitionByKey(key);
    DmnDecisionResult result = decisionService.evaluateDecisionById(decision.getId()).variables(variables).evaluate();
    return new Outcome(key, decision.getVersion(), result.getResultList());
  }
}
