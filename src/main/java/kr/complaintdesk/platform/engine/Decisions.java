package kr.complaintdesk.platform.engine;

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
    return commands.execute(context -> context.runWithoutAuthorization(
        () -> evaluate(latest(context, key), variables)));
  }

  /**
   * The latest deployed version of a decision, found the same way: for callers that keep what a version
   * answered, which never changes once deployed, and only need to know whether a newer one exists.
   */
  public DecisionDefinition latest(String key) {
    return commands.execute(context -> context.runWithoutAuthorization(() -> latest(context, key)));
  }

  /** Evaluates one deployed version, which {@link #latest} found. */
  public Outcome evaluate(DecisionDefinition decision, Map<String, Object> variables) {
    return commands.execute(context -> context.runWithoutAuthorization(() -> {
      // Within the command that found it, the evaluation by id takes the definition from the entity cache.
      DmnDecisionResult result = decisionService.evaluateDecisionById(decision.getId()).variables(variables).evaluate();
      return new Outcome(decision.getKey(), decision.getVersion(), result.getResultList());
    }));
  }

  private static DecisionDefinition latest(CommandContext context, String key) {
    // One select by key, the definition's model from the engine's deployment cache.
    return context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(key);
  }
}
