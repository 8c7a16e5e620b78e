package kr.complaintdesk.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.complaintdesk.platform.engine.EveryUserTask;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts every completed user task of a case on its timeline: who, when, and what they decided, i.e.
 * the values of the fields the person could fill in on the task's form. Added to every user task of
 * every model, so a new task in Modeler is recorded without extra work.
 */
@Component
class TaskTimeline extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, List<String>> inputFieldsByForm = new ConcurrentHashMap<>();
  private final Timeline timeline;

  public TaskTimeline(@Lazy Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_COMPLETE,
        "TaskTimeline puts the task, who completed it and its form's values on the case timeline", this::recordCompletion);
  }

  void recordCompletion(DelegateTask task) {
    Object caseNumber = task.getVariable(CaseVariables.CASE_NUMBER);
    if (caseNumber == null) {
      return;
    }
    Map<String, Object> decided = new LinkedHashMap<>();
    for (String field : inputFields(task)) {
      Object value = task.getVariable(field);
      if (value != null) {
        decided.put(field, value);
      }
    }
    String details;
    try {
      details = decided.isEmpty() ? null : JSON.writeValueAsString(decided);
    } catch (IOException e) {
      details = decided.toString();
    }
    timeline.record(caseNumber.toString(), Timeline.Kind.TASK_COMPLETED, CurrentUser.of(task), task.getName() + " 완료", details);
  }

  /** The keys of the form's fields a person can fill in (not the display-only ones). */
  private List<String> inputFields(DelegateTask task) {
    String formKey = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    return inputFieldsByForm.computeIfAbsent(formKey, key -> Context.getCommandContext().runWithoutAuthorization(() -> {
      List<String> fields = new ArrayList<>();
      // Only ask for a deployed form when the task has one: a failing engine call would roll back the completion.
      if (task.getProcessEngineServices().getFormService().getTaskFormData(task.getId()).getCamundaFormRef() == null) {
        return fields;
      }
      try (InputStream form = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
        collect(JSON.readTree(form), fields);
      } catch (RuntimeException | IOException e) {
        // A task without a deployed form still gets its timeline entry, just without the decided values.
        return List.of();
      }
      return fields;
    }));
  }

  private static void collect(JsonNode node, List<String> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        fields.add(component.get("key").asText());
      }
      collect(component, fields);
    }
  }
}
