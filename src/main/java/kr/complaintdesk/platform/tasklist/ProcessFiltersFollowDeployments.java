package kr.complaintdesk.platform.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * When a version of a process with a filter of its own (방문 케어, 원인 분석, 재발 방지 조치) is deployed, from
 * Modeler or at start-up, its filter takes on the new version's user-task keys once the deployment has committed
 * (see {@link TasklistFilters#processTasks}). The update runs on a thread of its own, in a transaction of its own;
 * a failure is logged and the next start or deployment tries again.
 */
@Component
class ProcessFiltersFollowDeployments extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessFiltersFollowDeployments.class);

  /** Two nodes deploying at once may both save the filter: the loser reads it again and tries once more. */
  private static final RetryTemplate SAVE = RetryTemplate.builder()
      .maxAttempts(4)
      .exponentialBackoff(100, 2, 1_000)
      .retryOn(OptimisticLockingException.class)
      .build();

  private final ObjectProvider<TasklistFilters> filters;
  /** Processes whose filter update is queued: a deployment-cache rebuild parses many versions at once. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService updates = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "tasklist-filters-follow-deployments");
    thread.setDaemon(true);
    return thread;
  });

  public ProcessFiltersFollowDeployments(ObjectProvider<TasklistFilters> filters) {
    this.filters = filters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        String key = processDefinition.getKey();
        if (TasklistFilters.PROCESS_FILTERS.containsKey(key) && Context.getCommandContext() != null) {
          Context.getCommandContext().getTransactionContext()
              .addTransactionListener(TransactionState.COMMITTED, committed -> queue(key));
        }
      }
    });
  }

  private void queue(String processDefinitionKey) {
    if (!queued.add(processDefinitionKey)) {
      return;
    }
    try {
      updates.execute(() -> follow(processDefinitionKey));
    } catch (RejectedExecutionException e) {
      // The application is shutting down; the next start brings the filter up to date.
      queued.remove(processDefinitionKey);
    }
  }

  private void follow(String processDefinitionKey) {
    queued.remove(processDefinitionKey);
    try {
      SAVE.execute(attempt -> {
        filters.getObject().followDeployment(processDefinitionKey);
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("Tasklist filter of {} not brought up to date with its deployment: {}", processDefinitionKey, e.toString());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    updates.shutdown();
    updates.awaitTermination(10, TimeUnit.SECONDS);
  }
}
