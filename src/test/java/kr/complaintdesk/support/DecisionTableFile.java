package kr.complaintdesk.support;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table of {@code processes/}, evaluated by a standalone DMN engine that remembers which
 * rules matched, so a test can prove that its examples reach every rule of the table.
 */
public final class DecisionTableFile {

  private final String file;
  private final String decisionKey;
  private final DmnModelInstance model;
  private final DmnEngine engine;
  private final DmnDecision decision;
  private final Set<String> matchedRuleIds = new TreeSet<>();

  private DecisionTableFile(String file, String decisionKey) {
    this.file = file;
    this.decisionKey = decisionKey;
    try (InputStream in = new FileInputStream(file)) {
      this.model = Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    DmnDecisionTableEvaluationListener collector = event ->
        event.getMatchingRules().forEach(rule -> matchedRuleIds.add(rule.getId()));
    this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(collector))
        .buildEngine();
    this.decision = engine.parseDecision(decisionKey, model);
  }

  /** Reads {@code processes/<decisionKey>.dmn}. */
  public static DecisionTableFile of(String decisionKey) {
    return new DecisionTableFile("processes/" + decisionKey + ".dmn", decisionKey);
  }

  public String file() {
    return file;
  }

  public DmnDecisionTableResult evaluate(Map<String, Object> variables) {
    return engine.evaluateDecisionTable(decision, variables);
  }

  /** Rules matched by any evaluation so far. */
  public Set<String> matchedRuleIds() {
    return new TreeSet<>(matchedRuleIds);
  }

  /** Rules of every decision table in the file: a decision with required decisions evaluates them all. */
  public Set<String> allRuleIds() {
    Set<String> ids = new TreeSet<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        ids.add(rule.getId());
      }
    }
    if (ids.isEmpty()) {
      throw new AssertionError("no rules in " + file);
    }
    return ids;
  }
}
