package kr.complaintdesk.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist gets from the deployment the application makes at start: for every user task of
 * every deployed process, the form it binds (camunda:formRef, binding "deployment") and candidate
 * groups that exist. Each task is reached by starting an instance right before it; every instance
 * created here is deleted again, so other classes sharing the engine see nothing of it.
 */
@ProcessTest
class FormDeploymentTest {

  static final List<String> PUBLIC_PROCESS_KEYS =
      List.of("complaint-case", "care-visit", "cause-analysis", "compensation", "prevention-action");
  /** Values for the candidate-group expressions of the models: region-${region}, ${approverGroups}, ... */
  static final Map<String, Object> GROUP_VARIABLES =
      Map.ofEntries(Map.entry("region", "busan"), Map.entry("approverGroups", "cs-lead,cs-director"),
          Map.entry("preventionOwnerGroup", "quality"), Map.entry("firstResponseDue", new java.util.Date()),
          // Dates of the promise and deadline timers that the models' boundary events read.
          Map.entry("callbackDue", new java.util.Date()), Map.entry("callbackReminderAt", new java.util.Date()),
          Map.entry("agencyReplyDeadline", new java.util.Date()), Map.entry("agencyReplyReminderAt", new java.util.Date()),
          Map.entry("visitAt", new java.util.Date()),
          Map.entry("caseOwner", "cs-agent1"),
          // The accepted offer whose line a compensation task fulfils.
          Map.entry("offerLines", kr.complaintdesk.support.TestData.offer("REFUND", 10000L)));

  final ObjectMapper json = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;

  @Test
  void everyPublicProcessIsDeployedFromTheProcessesFolder() {
    assertThat(deployedProcesses()).extracting(ProcessDefinition::getKey).containsAll(PUBLIC_PROCESS_KEYS);
  }

  @Test
  void theComplaintCaseStartFormIsTheIntakeForm() throws IOException {
    ProcessDefinition complaintCase = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("complaint-case").latestVersion().singleResult();
    assertThat(complaintCase).as("deployed complaint-case").isNotNull();

    assertThat(formId("complaint-case start event", () -> formService.getDeployedStartForm(complaintCase.getId())))
        .as("id of the deployed start form of complaint-case")
        .isEqualTo("complaint-intake");
  }

  @TestFactory
  Stream<DynamicNode> everyStartFormIsDeployedWithItsProcess() {
    List<DynamicNode> tests = new ArrayList<>();
    for (ProcessDefinition definition : deployedProcesses()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String formRef = start.getCamundaFormRef();
        if (formRef == null || !(start.getParentElement() instanceof Process)) {
          continue;
        }
        tests.add(dynamicTest(definition.getKey() + " / " + start.getId() + " → " + formRef, () ->
            assertThat(formId(definition.getResourceName() + ": start event " + start.getId(),
                () -> formService.getDeployedStartForm(definition.getId())))
                .as("id of the deployed start form of %s (start event %s)", definition.getKey(), start.getId())
                .isEqualTo(formRef)));
      }
    }
    assertThat(tests).as("deployed processes with a start form").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicNode> everyUserTaskGetsItsDeployedFormAndExistingCandidateGroups() {
    List<DynamicNode> containers = new ArrayList<>();
    for (ProcessDefinition definition : deployedProcesses()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      List<DynamicNode> tests = new ArrayList<>();
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        String name = userTask.getId() + " (" + userTask.getName() + ") → " + userTask.getCamundaFormRef();
        tests.add(dynamicTest(name, () -> assertFormAndGroups(definition, userTask)));
      }
      if (!tests.isEmpty()) {
        containers.add(dynamicContainer(definition.getKey() + " (" + definition.getResourceName() + ")", tests));
      }
    }
    assertThat(containers).as("deployed processes with user tasks").isNotEmpty();
    return containers.stream();
  }

  void assertFormAndGroups(ProcessDefinition definition, UserTask userTask) throws IOException {
    String where = definition.getResourceName() + ": user task " + userTask.getId();
    assertThat(userTask.getCamundaFormRef()).as("%s camunda:formRef", where).isNotBlank();

    ProcessInstance instance = runtimeService.createProcessInstanceById(definition.getId())
        .businessKey(TestData.unique("form-test"))
        .setVariables(GROUP_VARIABLES)
        .startBeforeActivity(userTask.getId())
        .execute();
    try {
      Task task = taskService.createTaskQuery()
          .processInstanceId(instance.getId())
          .taskDefinitionKey(userTask.getId())
          .singleResult();
      assertThat(task).as("%s created when an instance starts before it", where).isNotNull();

      assertThat(formId(where, () -> formService.getDeployedTaskForm(task.getId())))
          .as("%s: \"id\" of the deployed form Tasklist shows", where)
          .isEqualTo(userTask.getCamundaFormRef());

      List<String> candidateGroups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId)
          .toList();
      assertThat(candidateGroups).as("%s candidate groups", where).isNotEmpty();
      for (String group : candidateGroups) {
        assertThat(identityService.createGroupQuery().groupId(group).count())
            .as("%s: candidate group '%s' exists in Camunda (nobody could work the task otherwise)", where, group)
            .isEqualTo(1);
      }
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "FormDeploymentTest cleanup", true, true, true);
    }
  }

  /** The latest version of each process deployed from the top-level processes/ folder. */
  List<ProcessDefinition> deployedProcesses() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc()
        .list().stream()
        .filter(definition -> definition.getResourceName().startsWith("processes/"))
        .toList();
  }

  /** The "id" of the deployed form, failing with a message for the process owner when there is none. */
  String formId(String where, Supplier<InputStream> deployedForm) throws IOException {
    InputStream form;
    try {
      form = deployedForm.get();
    } catch (NotFoundException e) {
      throw new AssertionError(where + ": Tasklist would find no form in the deployment: " + e.getMessage(), e);
    }
    assertThat(form).as("%s: deployed form", where).isNotNull();
    try (InputStream in = form) {
      JsonNode id = json.readTree(in).get("id");
      return id == null ? null : id.asText();
    }
  }
}
