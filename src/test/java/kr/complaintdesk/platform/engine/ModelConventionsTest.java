package kr.complaintdesk.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.complaintdesk.ComplaintDeskProperties;
import kr.complaintdesk.prevention.RootCause;
import kr.complaintdesk.platform.security.StaffGroup;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The conventions of STYLE.md that process owners keep when they edit {@code processes/*.bpmn} and
 * {@code forms/*.form} in Camunda Modeler. Each failure names the file and the element to fix.
 */
class ModelConventionsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path MAIN_SOURCES = Path.of("src/main/java");
  static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");
  static final String APPROVAL_AUTHORITY_DMN = "processes/approval-authority.dmn";
  static final String INTAKE_PROCESS = "complaint-case";
  static final Set<String> PUBLIC_PROCESS_KEYS =
      Set.of("complaint-case", "care-visit", "cause-analysis", "compensation", "prevention-action");

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String REGION_PATTERN_EXPRESSION = StaffGroup.REGION_PREFIX + "${region}";
  static final String APPROVER_GROUP_EXPRESSION = "${approverGroups}";
  static final String PREVENTION_OWNER_GROUP_EXPRESSION = "${preventionOwnerGroup}";

  static final Pattern DESCRIPTIVE_SUFFIX = Pattern.compile("_[A-Z][A-Za-z0-9]*[A-Za-z]$");
  /** What Camunda Modeler generates: Activity_0abc123, Flow_1x2y3z4, Gateway_0k8s7d6. */
  static final Pattern GENERATED_ID = Pattern.compile("_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
  static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");
  static final Pattern BEAN_EXPRESSION = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  static Map<String, BpmnModelInstance> models;
  static Map<String, JsonNode> forms;

  @BeforeAll
  static void readModelsAndForms() throws IOException {
    models = new TreeMap<>();
    for (Path file : filesIn(PROCESSES, ".bpmn")) {
      models.put(PROCESSES.getFileName() + "/" + file.getFileName(), Bpmn.readModelFromFile(file.toFile()));
    }
    forms = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : filesIn(FORMS, ".form")) {
      forms.put(FORMS.getFileName() + "/" + file.getFileName(), json.readTree(file.toFile()));
    }
  }

  @Test
  void theProcessesFolderHoldsEveryPublicProcess() {
    assertThat(models.keySet().stream().map(ModelConventionsTest::baseName))
        .as("process files in %s/ (SOP.md public process keys)", PROCESSES)
        .containsAll(PUBLIC_PROCESS_KEYS);
    assertThat(forms).as("form files in %s/", FORMS).isNotEmpty();
  }

  @Test
  void everyProcessIsExecutableNamedLikeItsFileAndCarriesHistoryTimeToLiveAndVersionTag() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      Collection<Process> processes = model.getModelElementsByType(Process.class);
      if (processes.size() != 1) {
        violations.add(file + ": holds " + processes.size() + " processes, expected exactly one");
      }
      for (Process process : processes) {
        String expectedId = baseName(file);
        if (!expectedId.equals(process.getId())) {
          violations.add(file + ": process id is '" + process.getId() + "' but must equal the file name '" + expectedId + "'");
        }
        if (!process.isExecutable()) {
          violations.add(file + ": process " + process.getId() + " is not executable (isExecutable=\"true\" missing)");
        }
        if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
          violations.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
        }
        if (isBlank(process.getCamundaVersionTag())) {
          violations.add(file + ": process " + process.getId() + " has no camunda:versionTag");
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void userTasksAndTheIntakeStartEventBindAnExistingFormByDeployment() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), true, violations);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        boolean required = INTAKE_PROCESS.equals(baseName(file)) && start.getParentElement() instanceof Process;
        checkFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), required, violations);
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void theIntakeProcessHasAStartEventWithAForm() {
    BpmnModelInstance intake = models.get(PROCESSES.getFileName() + "/" + INTAKE_PROCESS + ".bpmn");
    assertThat(intake).as("processes/%s.bpmn", INTAKE_PROCESS).isNotNull();
    assertThat(intake.getModelElementsByType(StartEvent.class))
        .as("processes/%s.bpmn: top-level start events with a camunda:formRef (the phone intake start form)", INTAKE_PROCESS)
        .anyMatch(start -> start.getParentElement() instanceof Process && !isBlank(start.getCamundaFormRef()));
  }

  @Test
  void everyFormIsReferencedByAModel() {
    Set<String> referenced = new TreeSet<>();
    models.values().forEach(model -> {
      model.getModelElementsByType(UserTask.class).forEach(task -> addIfPresent(referenced, task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).forEach(start -> addIfPresent(referenced, start.getCamundaFormRef()));
    });
    List<String> violations = new ArrayList<>();
    forms.forEach((file, form) -> {
      String ref = baseName(file);
      if (!referenced.contains(ref)) {
        violations.add(file + ": no user task or start event in processes/*.bpmn references form '" + ref
            + "' (orphan form: bind it with camunda:formRef=\"" + ref + "\" or delete it)");
      }
      JsonNode id = form.get("id");
      if (id == null || !ref.equals(id.asText())) {
        violations.add(file + ": form \"id\" is " + (id == null ? "missing" : "'" + id.asText() + "'")
            + " but must equal the file name '" + ref + "'");
      }
    });
    assertNoViolations(violations);
  }

  /** A promise made by one agent goes back to that agent; the group still sees it and can take it over. */
  static final String CASE_OWNER_EXPRESSION = "${caseOwner}";

  @Test
  void userTasksOfferWorkToKnownCandidateGroupsAndNeverToAFixedPerson() throws IOException {
    Set<String> known = knownGroups();
    List<String> violations = new ArrayList<>();
    Map<String, String> unknownValuesOf = new LinkedHashMap<>();
    unknownValuesOf.put(APPROVER_GROUP_EXPRESSION, unknownApproverGroups(known));
    unknownValuesOf.put(PREVENTION_OWNER_GROUP_EXPRESSION, unknownPreventionOwnerGroups(known));

    models.forEach((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file + ": " + describe(task);
        if (!isBlank(task.getCamundaAssignee()) && !CASE_OWNER_EXPRESSION.equals(task.getCamundaAssignee())) {
          violations.add(where + " has camunda:assignee=\"" + task.getCamundaAssignee()
              + "\"; offer it to a group with camunda:candidateGroups instead");
        }
        if (!isBlank(task.getCamundaCandidateUsers())) {
          violations.add(where + " has camunda:candidateUsers=\"" + task.getCamundaCandidateUsers()
              + "\"; offer it to a group with camunda:candidateGroups instead");
        }
        if (isBlank(task.getCamundaCandidateGroups())) {
          violations.add(where + " has no camunda:candidateGroups");
          continue;
        }
        for (String group : task.getCamundaCandidateGroups().split(",")) {
          String candidate = group.trim();
          if (known.contains(candidate) || REGION_PATTERN_EXPRESSION.equals(candidate)) {
            continue;
          }
          if (unknownValuesOf.containsKey(candidate)) {
            String unknown = unknownValuesOf.get(candidate);
            if (!unknown.isEmpty()) {
              violations.add(where + " has candidate group " + candidate + ", which can be " + unknown
                  + ": not a known group");
            }
            continue;
          }
          violations.add(where + " has candidate group '" + candidate + "', which is not a known group "
              + "(known: " + known + ", " + REGION_PATTERN_EXPRESSION + ", " + unknownValuesOf.keySet() + ")");
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void elementIdsSayWhatTheElementIs() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String id = element.getId();
        if (id == null || element instanceof Process) {
          continue;
        }
        String problem = idProblem(element, id);
        if (problem != null) {
          violations.add(file + ": " + describe(element) + " " + problem);
        }
      }
    });
    assertNoViolations(violations);
  }

  @ParameterizedTest(name = "{0} is rejected")
  @ValueSource(strings = {"Activity_0abc123", "Flow_1x2y3z4", "Gateway_0k8s7d6", "UserTask_1abcdef", "UserTask_x"})
  void theIdRuleRejectsGeneratedAndNonDescriptiveIds(String badId) {
    UserTask task = Bpmn.createExecutableProcess("id-rule").startEvent().userTask("UserTask_Placeholder")
        .done().getModelElementById("UserTask_Placeholder");
    assertThat(idProblem(task, badId)).as("problem reported for user task id %s", badId).isNotNull();
    assertThat(idProblem(task, "UserTask_ContactCustomer")).as("problem reported for a descriptive id").isNull();
  }

  @Test
  void everyTaskAndCallActivityIsDocumented() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      List<Activity> documented = new ArrayList<>(model.getModelElementsByType(Task.class));
      documented.addAll(model.getModelElementsByType(CallActivity.class));
      for (Activity activity : documented) {
        boolean hasText = activity.getDocumentations().stream()
            .map(Documentation::getTextContent)
            .anyMatch(text -> !isBlank(text));
        if (!hasText) {
          violations.add(file + ": " + describe(activity)
              + " has no documentation; add a short note for the process owner on what it is for");
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void serviceTasksAndListenersDelegateToExistingSpringBeans() throws IOException {
    Set<String> beans = springBeanNames();
    assertThat(beans).as("Spring component names found in %s", MAIN_SOURCES).isNotEmpty();
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (isBlank(task.getCamundaDelegateExpression())) {
          violations.add(file + ": " + describe(task) + " has no camunda:delegateExpression; "
              + "name a Spring bean with camunda:delegateExpression=\"${beanName}\"");
        }
      }
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String javaClass = element.getAttributeValueNs(CAMUNDA_NS, "class");
        if (!isBlank(javaClass)) {
          violations.add(file + ": " + describe(element) + " uses camunda:class=\"" + javaClass
              + "\"; use camunda:delegateExpression=\"${beanName}\" instead");
        }
        checkBean(file, describe(element), element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression"), beans, violations);
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        checkListener(file, "task listener (" + listener.getCamundaEvent() + ") of " + owner(listener),
            listener.getCamundaClass(), listener.getCamundaDelegateExpression(), beans, violations);
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        checkListener(file, "execution listener (" + listener.getCamundaEvent() + ") of " + owner(listener),
            listener.getCamundaClass(), listener.getCamundaDelegateExpression(), beans, violations);
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void tasksEventsAndDecisionGatewaysHaveKoreanNames() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        boolean decisionGateway = (node instanceof ExclusiveGateway || node instanceof InclusiveGateway)
            && node.getOutgoing().size() > 1;
        boolean mustBeNamed = node instanceof Activity || node instanceof Event || decisionGateway;
        String name = node.getName();
        if (mustBeNamed && isBlank(name)) {
          violations.add(file + ": " + describe(node) + " has no name; give it a Korean name"
              + (decisionGateway ? " that asks the question (e.g. '해결안 수락?')" : ""));
        } else if (!isBlank(name) && !HANGUL.matcher(name).find()) {
          violations.add(file + ": " + describe(node) + " is named '" + name + "', which has no Korean (Hangul) text");
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void everyElementIsDrawnInTheDiagram() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      Set<String> drawn = new TreeSet<>();
      model.getModelElementsByType(BpmnShape.class).stream()
          .filter(shape -> shape.getBpmnElement() != null)
          .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).stream()
          .filter(edge -> edge.getBpmnElement() != null)
          .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      List<BaseElement> visible = new ArrayList<>();
      model.getModelElementsByType(FlowElement.class).stream()
          .filter(element -> !(element instanceof DataObject))
          .forEach(visible::add);
      visible.addAll(model.getModelElementsByType(Artifact.class));
      visible.addAll(model.getModelElementsByType(Participant.class));
      visible.addAll(model.getModelElementsByType(Lane.class));
      visible.addAll(model.getModelElementsByType(MessageFlow.class));
      for (BaseElement element : visible) {
        if (!drawn.contains(element.getId())) {
          violations.add(file + ": " + describe(element) + " has no " + (isEdge(element) ? "BPMNEdge" : "BPMNShape")
              + " in the diagram (open it in Camunda Modeler and place it)");
        }
      }
    });
    assertNoViolations(violations);
  }

  // --- checks --------------------------------------------------------------------------------

  static void checkFormRef(String file, FlowNode node, String ref, String binding, boolean required,
      List<String> violations) {
    String where = file + ": " + describe(node);
    if (isBlank(ref)) {
      if (required) {
        violations.add(where + " has no camunda:formRef; bind a form from forms/");
      }
      return;
    }
    if (!"deployment".equals(binding)) {
      violations.add(where + " references form '" + ref + "' with camunda:formRefBinding=\"" + binding
          + "\"; it must be \"deployment\" so the form deployed with the model is used");
    }
    Path formFile = FORMS.resolve(ref + ".form");
    String formName = FORMS.getFileName() + "/" + ref + ".form";
    if (!Files.isRegularFile(formFile)) {
      violations.add(where + " references form '" + ref + "' but " + formName + " does not exist");
      return;
    }
    JsonNode id = forms.get(formName).get("id");
    if (id == null || !ref.equals(id.asText())) {
      violations.add(where + " references form '" + ref + "' but the \"id\" in " + formName + " is "
          + (id == null ? "missing" : "'" + id.asText() + "'"));
    }
  }

  static void checkListener(String file, String where, String javaClass, String delegateExpression,
      Set<String> beans, List<String> violations) {
    if (!isBlank(javaClass)) {
      violations.add(file + ": " + where + " uses class=\"" + javaClass
          + "\"; use delegateExpression=\"${beanName}\" instead");
    } else if (isBlank(delegateExpression)) {
      violations.add(file + ": " + where + " has no delegateExpression; name a Spring bean with \"${beanName}\"");
    }
    checkBean(file, where, delegateExpression, beans, violations);
  }

  static void checkBean(String file, String where, String delegateExpression, Set<String> beans,
      List<String> violations) {
    if (isBlank(delegateExpression)) {
      return;
    }
    Matcher matcher = BEAN_EXPRESSION.matcher(delegateExpression.trim());
    if (!matcher.matches()) {
      violations.add(file + ": " + where + " has delegateExpression \"" + delegateExpression
          + "\"; it must name a single Spring bean like \"${beanName}\"");
    } else if (!beans.contains(matcher.group(1))) {
      violations.add(file + ": " + where + " delegates to bean '" + matcher.group(1)
          + "' but no @Component(\"" + matcher.group(1) + "\") exists in " + MAIN_SOURCES);
    }
  }

  /** Why the id does not say what the element is, or null when it does. */
  static String idProblem(BaseElement element, String id) {
    if (GENERATED_ID.matcher(id).find()) {
      return "has the generated id '" + id + "'; rename it to say what it is: "
          + expectedPrefixes(element).get(0) + "_<WhatItIs> in CamelCase";
    }
    int underscore = id.indexOf('_');
    String prefix = underscore < 0 ? "" : id.substring(0, underscore);
    if (!expectedPrefixes(element).contains(prefix) || !DESCRIPTIVE_SUFFIX.matcher(id.substring(underscore < 0 ? 0 : underscore)).matches()
        || id.indexOf('_', underscore + 1) >= 0) {
      return "has id '" + id + "'; ids must read " + String.join(" or ", expectedPrefixes(element))
          + " followed by _<WhatItIs> in CamelCase";
    }
    return null;
  }

  static List<String> expectedPrefixes(BaseElement element) {
    String type = capitalize(element.getElementType().getTypeName());
    List<String> prefixes = new ArrayList<>(List.of(type));
    if (element instanceof Task && !"Task".equals(type)) {
      prefixes.add("Task");
    } else if (element instanceof Gateway) {
      prefixes.add(0, "Gateway");
    } else if (element instanceof SubProcess) {
      prefixes.add("EventSubProcess");
    } else if (element instanceof IntermediateCatchEvent || element instanceof IntermediateThrowEvent) {
      prefixes.add("IntermediateEvent");
    } else if (element instanceof EventDefinition) {
      prefixes.add("EventDefinition");
    }
    return prefixes;
  }

  // --- known groups and beans ----------------------------------------------------------------

  /** The fixed groups of StaffGroup and one region group per code in application.yaml. */
  static Set<String> knownGroups() throws IOException {
    Set<String> groups = new TreeSet<>();
    StaffGroup.all(configuredRegions()).forEach(group -> groups.add(group.id()));
    return groups;
  }

  /** complaints.regions as the application binds it from the default (profile-less) documents. */
  static List<String> configuredRegions() throws IOException {
    List<PropertySource<?>> documents = new YamlPropertySourceLoader()
        .load(APPLICATION_YAML.toString(), new FileSystemResource(APPLICATION_YAML));
    List<PropertySource<?>> defaults = documents.stream()
        .filter(document -> document.getProperty("spring.config.activate.on-profile") == null)
        .toList();
    List<String> regions = new Binder(ConfigurationPropertySources.from(defaults))
        .bind("complaints", ComplaintDeskProperties.class)
        .map(ComplaintDeskProperties::regions)
        .orElse(List.of());
    assertThat(regions).as("complaints.regions in %s", APPLICATION_YAML).isNotEmpty();
    return regions;
  }

  /** Approver groups the approval-authority table can give that are not known groups, or "". */
  static String unknownApproverGroups(Set<String> known) {
    DmnModelInstance dmn = Dmn.readModelFromFile(new File(APPROVAL_AUTHORITY_DMN));
    Set<String> unknown = new TreeSet<>();
    Collection<OutputEntry> entries = dmn.getModelElementsByType(OutputEntry.class);
    assertThat(entries).as("output entries of %s", APPROVAL_AUTHORITY_DMN).isNotEmpty();
    for (OutputEntry entry : entries) {
      String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
      String group = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
          ? text.substring(1, text.length() - 1) : null;
      if (group == null || !known.contains(group)) {
        unknown.add("'" + text + "' (" + APPROVAL_AUTHORITY_DMN + " output entry " + entry.getId() + ")");
      }
    }
    return String.join(", ", unknown);
  }

  /** Owner groups of RootCause that are not known groups, or "". */
  static String unknownPreventionOwnerGroups(Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (RootCause cause : RootCause.values()) {
      if (!known.contains(cause.ownerGroup())) {
        unknown.add("'" + cause.ownerGroup() + "' (owner of RootCause." + cause.name() + ")");
      }
    }
    return String.join(", ", unknown);
  }

  static final Pattern STEREOTYPE = Pattern.compile(
      "@(?:Component|Service|Repository|Controller|RestController|Configuration)\\b"
          + "(?:\\s*\\(\\s*(?:value\\s*=\\s*)?(?:\"([^\"]*)\")?[^)]*\\))?"
          + "(?:\\s*@\\w+(?:\\([^)]*\\))?)*"
          + "\\s*(?:(?:public|protected|private|final|abstract|static|sealed|non-sealed)\\s+)*"
          + "(?:class|record|enum|interface)\\s+(\\w+)");
  static final Pattern BEAN_METHOD = Pattern.compile(
      "@Bean\\b(?:\\s*\\(\\s*(?:(?:name|value)\\s*=\\s*)?\"([^\"]*)\"[^)]*\\))?"
          + "(?:\\s*@\\w+(?:\\([^)]*\\))?)*"
          + "\\s*(?:(?:public|protected|private|static|final)\\s+)*[\\w.<>,?\\[\\]\\s]+?\\s+(\\w+)\\s*\\(");

  /** Bean names of Spring components (and @Bean methods) declared in src/main/java. */
  static Set<String> springBeanNames() throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
      sources = walk.filter(path -> path.toString().endsWith(".java")).toList();
    }
    for (Path source : sources) {
      String code = Files.readString(source);
      Matcher component = STEREOTYPE.matcher(code);
      while (component.find()) {
        names.add(isBlank(component.group(1)) ? Introspector.decapitalize(component.group(2)) : component.group(1));
      }
      Matcher bean = BEAN_METHOD.matcher(code);
      while (bean.find()) {
        names.add(isBlank(bean.group(1)) ? bean.group(2) : bean.group(1));
      }
    }
    return names;
  }

  // --- helpers -------------------------------------------------------------------------------

  static List<Path> filesIn(Path folder, String extension) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(path -> path.getFileName().toString().endsWith(extension)).sorted().toList();
    }
  }

  static String baseName(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** "user task UserTask_FirstContact (고객 1차 응대)" */
  static String describe(ModelElementInstance element) {
    String kind = String.join(" ", Arrays.stream(element.getElementType().getTypeName()
        .split("(?=[A-Z])")).map(String::toLowerCase).toList());
    String id = element.getAttributeValue("id");
    String name = element.getAttributeValue("name");
    return kind + (id == null ? "" : " " + id) + (isBlank(name) ? "" : " (" + name + ")");
  }

  /** The BPMN element a camunda:taskListener or camunda:executionListener is attached to. */
  static String owner(ModelElementInstance extension) {
    ModelElementInstance parent = extension.getParentElement();
    while (parent != null && !(parent instanceof BaseElement)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "unknown element" : describe(parent);
  }

  static boolean isEdge(BaseElement element) {
    return element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow
        || element instanceof MessageFlow
        || element instanceof org.camunda.bpm.model.bpmn.instance.Association;
  }

  static void addIfPresent(Set<String> set, String value) {
    if (!isBlank(value)) {
      set.add(value);
    }
  }

  static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static void assertNoViolations(List<String> violations) {
    assertThat(violations)
        .withFailMessage(() -> violations.size() + " convention violation(s):\n  " + String.join("\n  ", violations))
        .isEmpty();
  }
}
