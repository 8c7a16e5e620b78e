package kr.complaintdesk.casefile;

import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * What the engine runs under a business key: a case number (the case's own process and the processes it
 * called, which carry the same key) or a prevention action's key. The one place that looks them up by key;
 * callers narrow the query (process, state, assignee) to what they need.
 */
@Component
public class CaseInstances {

  /** The process a case runs as; its instance's business key is the case number. */
  public static final String CASE_PROCESS = "complaint-case";
  /** The care a case calls for its customer; its instances carry the case number too. */
  public static final String CARE_VISIT_PROCESS = "care-visit";
  /** The payout or shipment of what the customer accepted; its instances carry the case number too. */
  public static final String COMPENSATION_PROCESS = "compensation";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;

  public CaseInstances(RuntimeService runtimeService, HistoryService historyService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
  }

  /** The running process instances under {@code businessKey}. */
  public ProcessInstanceQuery instances(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey);
  }

  /** The case's own running instance (not the processes it called), or null when the case runs no more. */
  public ProcessInstance caseInstance(String caseNumber) {
    return instances(caseNumber).processDefinitionKey(CASE_PROCESS).singleResult();
  }

  /** The process instances under {@code businessKey}, running or ended, as history has them. */
  public HistoricProcessInstanceQuery history(String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey);
  }

  /** The open tasks of the process instances under {@code businessKey}. */
  public TaskQuery tasks(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey);
  }

  /**
   * Within a step of the case: gives the variable {@code name} the value {@code value} on every running instance
   * under {@code businessKey} (the case and the processes it called, which carry copies) and hands every open task
   * of them to {@code eachTask}. The step is the case's own, so it needs no grant of whoever set it off.
   */
  public void spread(String businessKey, String name, Object value, Consumer<Task> eachTask) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      instances(businessKey).list().forEach(instance -> runtimeService.setVariable(instance.getId(), name, value));
      tasks(businessKey).list().forEach(eachTask);
      return null;
    });
  }
}
