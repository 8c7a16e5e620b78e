package kr.complaintdesk.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds a task listener to every user task of every deployed model, so behaviour that holds for all
 * tasks (access, timeline, priority) needs nothing in the models that process owners edit. Modeler shows
 * none of these listeners, so the start-up log lists them once.
 */
@Component
public class EveryUserTask extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EveryUserTask.class);

  /**
   * To be called from a process engine plugin's {@code preInit}; {@code what} names the listener and says
   * what it does, for the start-up log.
   */
  public static void listen(ProcessEngineConfigurationImpl configuration, String event, String what,
      TaskListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new Added(event, what, listener));
  }

  /** The listeners added to every user task of this engine, as "event: what". */
  public static List<String> added(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    return listeners == null ? List.of() : listeners.stream()
        .filter(Added.class::isInstance).map(Added.class::cast).map(a -> a.event + ": " + a.what).toList();
  }

  /** Runs after every plugin's {@code preInit}, so all listeners have been added by now. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    List<String> added = added(configuration);
    LOG.info("Every user task of every model gets {} task listeners that the models do not show: {}", added.size(),
        String.join("; ", added));
  }

  private static final class Added extends AbstractBpmnParseListener {

    private final String event;
    private final String what;
    private final TaskListener listener;

    Added(String event, String what, TaskListener listener) {
      this.event = event;
      this.what = what;
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addTaskListener(event, listener);
    }
  }
}
