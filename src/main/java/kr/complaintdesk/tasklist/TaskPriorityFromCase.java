package kr.complaintdesk.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every task the priority of its case (P1 highest), so Tasklist sorts urgent work first. A task
 * whose model sets a higher priority (an escalation) keeps it.
 */
@Component
public class TaskPriorityFromCase extends AbstractProcessEnginePlugin {

  static final Map<String, Integer> TASK_PRIORITY = Map.of("P1", 80, "P2", 60, "P3", 50, "P4", 40);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    TaskListener prioritise = TaskPriorityFromCase::prioritise;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, prioritise);
      }
    });
  }

  static void prioritise(DelegateTask task) {
    Object casePriority = task.getVariable("priority");
    Integer priority = casePriority == null ? null : TASK_PRIORITY.get(casePriority.toString());
    if (priority != null && priority > task.getPriority()) {
      task.setPriority(priority);
    }
  }
}
