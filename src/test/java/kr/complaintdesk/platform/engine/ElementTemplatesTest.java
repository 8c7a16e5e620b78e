package kr.complaintdesk.platform.engine;

import static kr.complaintdesk.platform.engine.ModelConventionsTest.CAMUNDA_NS;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.FORMS;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.HANGUL;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.MAIN_SOURCES;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.PREVENTION_OWNER_GROUP_EXPRESSION;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.PROCESSES;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.REGION_PATTERN_EXPRESSION;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.assertNoViolations;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.baseName;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.capitalize;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.describe;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.filesIn;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.isBlank;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.notification.MessageTemplate;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.platform.tasklist.TaskPriorityFromCase;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element templates in {@code .camunda/element-templates/}: the steps the models repeat, offered to process
 * owners in Camunda Modeler without bean names. Each template passes Camunda's own Camunda 7 template schema
 * (vendored, see {@code src/test/resources/element-templates-json-schema/README.md}); every fixed value it writes
 * exists in the application (beans, message templates, forms, groups, decisions); and every existing model element
 * of a template's pattern is one the template could have made, so templates and models cannot drift apart.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  static final String SCHEMA_RESOURCE = "/element-templates-json-schema/schema.json";
  /** What Camunda Modeler reads to tell a Camunda 7 template from a Camunda 8 one. */
  static final String SCHEMA_URL = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final String ID_PREFIX = "kr.complaintdesk.";
  static final String DELEGATE_EXPRESSION = "camunda:delegateExpression";
  static final String CANDIDATE_GROUPS = "camunda:candidateGroups";
  static final String FORM_REF = "camunda:formRef";
  static final String PRIORITY = "camunda:priority";
  static final String INPUT_PARAMETER = "camunda:inputParameter";
  static final String PROPERTY = "property";
  /** Written by Modeler when a template is applied; they name the template rather than configure the step. */
  static final Set<String> TEMPLATE_MARKERS = Set.of("modelerTemplate", "modelerTemplateVersion");
  static final Pattern DECISION_KEY_IN_LABEL = Pattern.compile("\\(([a-z0-9-]+)\\)");
  static final String SENT_DESPITE_OPT_OUT = "연락 거부 고객에게도 보냄";
  static final String NOT_SENT_AFTER_OPT_OUT = "연락 거부 고객에게는 보내지 않음";

  static Map<String, JsonNode> templates;
  static Map<String, BpmnModelInstance> models;
  static Map<String, JsonNode> forms;
  static Schema schema;

  @BeforeAll
  static void readTemplatesModelsAndSchema() throws IOException {
    ObjectMapper json = new ObjectMapper();
    templates = new TreeMap<>();
    for (Path file : filesIn(TEMPLATES, ".json")) {
      templates.put(file.getFileName().toString(), json.readTree(file.toFile()));
    }
    ModelConventionsTest.readModelsAndForms();
    models = ModelConventionsTest.models;
    forms = ModelConventionsTest.forms;
    try (InputStream in = ElementTemplatesTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertThat(in).as("vendored schema %s on the test classpath", SCHEMA_RESOURCE).isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  // --- the templates themselves --------------------------------------------------------------

  @Test
  void everyTemplateIsValidAgainstTheCamunda7ElementTemplateSchema() {
    assertThat(templates).as("templates in %s/", TEMPLATES).isNotEmpty();
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> schema.validate(template)
        .forEach(error -> violations.add(where(file) + ": " + error)));
    assertNoViolations(violations);
  }

  @Test
  void theSchemaRejectsADropdownWithoutChoicesAndATaskListenerBinding() {
    ObjectNode broken = templates.get("customer-message.json").deepCopy();
    ((ObjectNode) properties(broken).filter(p -> "Dropdown".equals(type(p))).findFirst().orElseThrow()).remove("choices");
    ObjectNode listener = ((ArrayNode) broken.get("properties")).addObject().put("type", "Hidden").put("value", "${x}");
    listener.putObject("binding").put("type", "camunda:taskListener");

    List<String> errors = schema.validate(broken).stream().map(Error::toString).toList();

    assertThat(errors).as("schema errors for a broken copy of customer-message.json")
        .anyMatch(error -> error.contains("required property 'choices'"))
        .anyMatch(error -> error.contains("binding/type") && error.contains("enumeration"));
  }

  /** The schema allows any key, and Modeler ignores one it does not know: a misspelt "lable" would pass. */
  @Test
  void templatesUseOnlyKeysTheSchemaDeclares() {
    Set<String> declared = new TreeSet<>();
    collectDeclaredKeys(schema.getSchemaNode(), declared);
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> collectUndeclaredKeys(where(file), template, declared, violations));
    assertNoViolations(violations);
  }

  @Test
  void everyTemplateIsAKoreanCamunda7TemplateNamedAfterItsFile() {
    List<String> violations = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    templates.forEach((file, template) -> {
      String where = where(file);
      String expectedId = ID_PREFIX + baseName(file);
      if (!SCHEMA_URL.equals(template.path("$schema").asText())) {
        violations.add(where + ": \"$schema\" must be " + SCHEMA_URL + " (Camunda 7), not " + template.path("$schema"));
      }
      if (!expectedId.equals(template.path("id").asText())) {
        violations.add(where + ": \"id\" is " + template.path("id") + " but must be \"" + expectedId + "\"");
      }
      if (!ids.add(template.path("id").asText())) {
        violations.add(where + ": \"id\" " + template.path("id") + " is used by another template");
      }
      if (!template.path("version").canConvertToInt() || template.path("version").asInt() < 1) {
        violations.add(where + ": needs a \"version\" (1, 2, ...) so Modeler can update elements made with it");
      }
      if (!template.path("elementType").path("value").asText().startsWith("bpmn:")) {
        violations.add(where + ": needs \"elementType\" so Modeler turns the task into the right kind of step");
      }
      requireKorean(where + ": \"name\"", template.path("name"), violations);
      requireKorean(where + ": \"description\"", template.path("description"), violations);
      properties(template).filter(property -> !"Hidden".equals(type(property))).forEach(property -> {
        String field = where + ": field " + property.path("binding");
        requireKorean(field + " \"label\"", property.path("label"), violations);
        requireKorean(field + " \"description\"", property.path("description"), violations);
        property.path("choices").forEach(choice -> requireKorean(field + " choice " + choice.path("value"),
            choice.path("name"), violations));
      });
    });
    assertNoViolations(violations);
  }

  // --- fixed values against the code ---------------------------------------------------------

  @Test
  void delegateExpressionsNameExistingSpringBeans() throws IOException {
    Set<String> beans = ModelConventionsTest.springBeanNames();
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> {
      List<String> delegates = valuesBoundTo(template, DELEGATE_EXPRESSION);
      boolean implemented = !template.path("elementType").path("value").asText().equals("bpmn:UserTask");
      if (implemented && delegates.isEmpty()) {
        violations.add(where(file) + ": a " + template.path("elementType").path("value").asText()
            + " needs a camunda:delegateExpression naming a Spring bean");
      }
      delegates.forEach(delegate -> ModelConventionsTest.checkBean(where(file), "template", delegate, beans, violations));
    });
    assertNoViolations(violations);
  }

  /** Whether bean code names a variable: literally, or through its constant in {@link CaseVariables}. */
  private static boolean names(String code, String variable) {
    if (code.contains("\"" + variable + "\"")) {
      return true;
    }
    for (java.lang.reflect.Field field : CaseVariables.class.getFields()) {
      try {
        if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && variable.equals(field.get(null))
            && java.util.regex.Pattern.compile("\\b" + field.getName() + "\\b").matcher(code).find()) {
          return true;
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }

  /** A template that writes an input the bean never reads would let a process owner set something that does nothing. */
  @Test
  void everyInputATemplateWritesIsReadByItsBean() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : templates.entrySet()) {
      List<String> inputs = properties(entry.getValue()).filter(p -> bindingType(p).equals(INPUT_PARAMETER))
          .map(ElementTemplatesTest::bindingName).toList();
      for (String delegate : valuesBoundTo(entry.getValue(), DELEGATE_EXPRESSION)) {
        Path source = beanSource(beanName(delegate));
        String code = Files.readString(source);
        inputs.stream().filter(input -> !names(code, input))
            .forEach(input -> violations.add(where(entry.getKey()) + ": writes input '" + input + "' but " + source
                + " (bean " + delegate + ") never names it"));
      }
    }
    assertNoViolations(violations);
  }

  @Test
  void messageTemplateChoicesAreTheCustomerMessagesOfMessageTemplate() {
    List<JsonNode> choices = new ArrayList<>();
    templates.values().forEach(template -> properties(template)
        .filter(p -> bindingType(p).equals(INPUT_PARAMETER) && bindingName(p).equals(CaseVariables.MESSAGE_TEMPLATE))
        .forEach(p -> p.path("choices").forEach(choices::add)));
    assertThat(choices).as("choices of the input %s", CaseVariables.MESSAGE_TEMPLATE).isNotEmpty();

    List<String> violations = new ArrayList<>();
    Set<String> offered = new TreeSet<>();
    for (JsonNode choice : choices) {
      String value = choice.path("value").asText();
      offered.add(value);
      MessageTemplate message = Arrays.stream(MessageTemplate.values()).filter(m -> m.name().equals(value)).findFirst()
          .orElse(null);
      if (message == null) {
        violations.add("message choice '" + value + "' is not a MessageTemplate (" + Arrays.toString(MessageTemplate.values()) + ")");
        continue;
      }
      if (message.needsFacts()) {
        violations.add("message choice " + value + " needs facts of its own step (" + message.name()
            + ".needsFacts()); the generic customer-message task cannot fill them in");
        continue;
      }
      String promise = message.neededForTheCase() ? SENT_DESPITE_OPT_OUT : NOT_SENT_AFTER_OPT_OUT;
      if (!choice.path("name").asText().contains(promise)) {
        violations.add("message choice " + value + " must tell the process owner '" + promise + "' (MessageTemplate."
            + value + ".neededForTheCase() is " + message.neededForTheCase() + ")");
      }
    }
    // Every message for customers is offered; the staff notice is written by notifyStaff, never sent to a customer, and
    // a message naming facts (where a late parcel is, its date) is sent by the step that knows them.
    Arrays.stream(MessageTemplate.values()).filter(m -> m != MessageTemplate.STAFF_NOTICE).filter(m -> !m.needsFacts())
        .filter(m -> !offered.contains(m.name()))
        .forEach(m -> violations.add("MessageTemplate." + m.name() + " is not offered in customer-message.json"));
    if (offered.contains(MessageTemplate.STAFF_NOTICE.name())) {
      violations.add("STAFF_NOTICE is offered as a customer message; it is the subject line of staff notices");
    }
    assertNoViolations(violations);
  }

  @Test
  void formChoicesAreFormsATemplatedTaskCanUse() {
    Map<String, String> notTemplatable = formsOfTasksTemplatesCannotMake();
    Set<String> offered = new TreeSet<>();
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> choicesBoundTo(template, FORM_REF).forEach(choice -> {
      String ref = choice.path("value").asText();
      offered.add(ref);
      String formFile = FORMS.getFileName() + "/" + ref + ".form";
      if (!forms.containsKey(formFile)) {
        violations.add(where(file) + ": offers form '" + ref + "' but " + formFile + " does not exist");
      } else if (!ref.equals(forms.get(formFile).path("id").asText())) {
        violations.add(where(file) + ": offers form '" + ref + "' but the \"id\" in " + formFile + " differs");
      }
      if (notTemplatable.containsKey(ref)) {
        violations.add(where(file) + ": offers form '" + ref + "', which belongs to " + notTemplatable.get(ref)
            + "; a task made with the template would lack it");
      }
      if (!choice.path("name").asText().contains(ref)) {
        violations.add(where(file) + ": the choice for form '" + ref + "' must show the file name in its label");
      }
    }));
    forms.keySet().stream().map(ModelConventionsTest::baseName)
        .filter(ref -> !offered.contains(ref) && !notTemplatable.containsKey(ref))
        .forEach(ref -> violations.add("forms/" + ref + ".form is offered by no user-task template; add it to the form "
            + "choices of work-task.json or escalation-task.json"));
    assertNoViolations(violations);
  }

  @Test
  void groupChoicesAreRealGroupsNamedAsInTasklist() throws IOException {
    Set<String> known = ModelConventionsTest.knownGroups();
    Map<String, String> koreanNames = new TreeMap<>();
    StaffGroup.all(ModelConventionsTest.configuredRegions()).forEach(group -> koreanNames.put(group.id(), group.name()));
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> choicesBoundTo(template, CANDIDATE_GROUPS).forEach(choice -> {
      String group = choice.path("value").asText();
      String where = where(file) + ": group choice '" + group + "'";
      if (StaffGroup.PROCESS_OWNER.equals(group)) {
        violations.add(where + ": process owners own the models and work no tasks");
      } else if (known.contains(group)) {
        if (!choice.path("name").asText().startsWith(koreanNames.get(group))) {
          violations.add(where + " must be labelled as Tasklist and Admin name it: '" + koreanNames.get(group) + "'");
        }
      } else if (PREVENTION_OWNER_GROUP_EXPRESSION.equals(group)) {
        String unknown = ModelConventionsTest.unknownPreventionOwnerGroups(known);
        if (!unknown.isEmpty()) {
          violations.add(where + " can be " + unknown + ": not a known group");
        }
      } else if (!REGION_PATTERN_EXPRESSION.equals(group)) {
        violations.add(where + " is not a known group (" + known + ", " + REGION_PATTERN_EXPRESSION + ", "
            + PREVENTION_OWNER_GROUP_EXPRESSION + ")");
      }
    }));
    assertNoViolations(violations);
  }

  @Test
  void priorityChoicesRankAboveEveryCaseTask() {
    List<String> violations = new ArrayList<>();
    templates.forEach((file, template) -> choicesBoundTo(template, PRIORITY).forEach(choice -> {
      String value = choice.path("value").asText();
      if (!value.matches("\\d+") || Integer.parseInt(value) <= TaskPriorityFromCase.URGENT_REMINDED) {
        violations.add(where(file) + ": priority choice '" + value + "' must be above "
            + TaskPriorityFromCase.URGENT_REMINDED + " (TaskPriorityFromCase gives cases' tasks up to that)");
      }
    }));
    assertNoViolations(violations);
  }

  @Test
  void decisionChoicesEvaluateADecisionOfTheProcessesFolder() throws Exception {
    Set<String> decisions = new TreeSet<>();
    for (Path dmn : filesIn(PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
    }
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonNode> entry : templates.entrySet()) {
      if (!"bpmn:BusinessRuleTask".equals(entry.getValue().path("elementType").path("value").asText())) {
        continue;
      }
      for (JsonNode choice : choicesBoundTo(entry.getValue(), DELEGATE_EXPRESSION)) {
        checked++;
        String delegate = choice.path("value").asText();
        String key = (String) beanClass(beanName(delegate)).getField("DECISION_KEY").get(null);
        Matcher shown = DECISION_KEY_IN_LABEL.matcher(choice.path("name").asText());
        if (!decisions.contains(key)) {
          violations.add(where(entry.getKey()) + ": " + delegate + " evaluates '" + key + "', which no .dmn in "
              + PROCESSES + "/ defines (" + decisions + ")");
        }
        if (!shown.find() || !key.equals(shown.group(1))) {
          violations.add(where(entry.getKey()) + ": the choice " + delegate + " must show its decision key (" + key + ")");
        }
      }
    }
    assertThat(checked).as("decision choices checked").isPositive();
    assertNoViolations(violations);
  }

  // --- templates against the models ----------------------------------------------------------

  @Test
  void everyModelElementOfATemplatesPatternIsWhatTheTemplateMakes() {
    Map<String, List<String>> members = new TreeMap<>();
    templates.values().forEach(template -> members.put(template.path("id").asText(), new ArrayList<>()));

    List<String> violations = drift(models, members);

    members.forEach((id, elements) -> {
      if (elements.isEmpty()) {
        violations.add(id + " matches no element of the models: a template describes a step the models repeat");
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void driftIsReportedWhenAModelElementLeavesItsTemplate() {
    BpmnModelInstance compensation = Bpmn.readModelFromFile(PROCESSES.resolve("compensation.bpmn").toFile());
    ((BaseElement) compensation.getModelElementById("ServiceTask_PayRefund")).setAttributeValueNs(CAMUNDA_NS, "asyncBefore", "false");
    ((UserTask) compensation.getModelElementById("UserTask_HandleOverdueRefund")).setCamundaPriority("82");
    ((UserTask) compensation.getModelElementById("UserTask_ShipReplacement")).setCamundaDueDate("");

    List<String> violations = drift(Map.of("compensation.bpmn", compensation), new TreeMap<>());

    assertThat(String.join("\n", violations))
        .contains("ServiceTask_PayRefund").contains("camunda:asyncBefore")
        .contains("UserTask_HandleOverdueRefund").contains("camunda:priority")
        .contains("UserTask_ShipReplacement").contains("camunda:dueDate");
  }

  /**
   * Each service task whose bean a template offers, and each user task a template can make (one without task listeners
   * or a fixed assignee, which no Camunda 7 template can write), must be exactly what one of the templates makes.
   * Members found are added to {@code members} by template id.
   */
  static List<String> drift(Map<String, BpmnModelInstance> models, Map<String, List<String>> members) {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (Task task : model.getModelElementsByType(Task.class)) {
        Map<String, List<String>> mismatches = new LinkedHashMap<>();
        templates.values().stream().filter(template -> claims(template, task))
            .forEach(template -> mismatches.put(template.path("id").asText(), mismatches(task, template)));
        if (mismatches.isEmpty()) {
          continue;
        }
        String match = mismatches.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
            .findFirst().orElse(null);
        if (match != null) {
          members.computeIfAbsent(match, id -> new ArrayList<>()).add(file + ": " + task.getId());
        } else {
          violations.add(file + ": " + describe(task) + " is of a templated pattern but no template makes it: "
              + mismatches);
        }
      }
    });
    return violations;
  }

  /** Whether the element is of the template's pattern (and so must be what the template makes). */
  static boolean claims(JsonNode template, Task task) {
    if (!template.path("elementType").path("value").asText().equals(bpmnType(task))) {
      return false;
    }
    List<String> delegates = valuesBoundTo(template, DELEGATE_EXPRESSION);
    if (!delegates.isEmpty()) {
      return delegates.contains(attribute(task, DELEGATE_EXPRESSION));
    }
    return task instanceof UserTask user && isBlank(user.getCamundaAssignee())
        && extensions(task, CamundaTaskListener.class).isEmpty();
  }

  /** What about the element the template would not have made; empty if the template makes exactly this element. */
  static List<String> mismatches(Task task, JsonNode template) {
    List<String> problems = new ArrayList<>();
    Set<String> boundAttributes = new TreeSet<>();
    Set<String> boundInputs = new TreeSet<>();
    properties(template).forEach(property -> {
      String binding = bindingName(property);
      String actual;
      if (bindingType(property).equals(PROPERTY)) {
        boundAttributes.add(binding);
        actual = attribute(task, binding);
      } else if (bindingType(property).equals(INPUT_PARAMETER)) {
        boundInputs.add(binding);
        binding = "input " + binding;
        actual = inputParameters(task).get(bindingName(property));
      } else {
        problems.add("binding " + property.path("binding") + " is not checked against the models yet");
        return;
      }
      String problem = problem(property, actual);
      if (problem != null) {
        problems.add(binding + " " + problem);
      }
    });
    for (String attribute : camundaAttributes(task)) {
      if (!boundAttributes.contains("camunda:" + attribute) && !TEMPLATE_MARKERS.contains(attribute)) {
        problems.add("camunda:" + attribute + " is set, and the template does not set it");
      }
    }
    String appliedTemplate = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
    if (appliedTemplate != null && !appliedTemplate.equals(template.path("id").asText())) {
      problems.add("was made with the template " + appliedTemplate);
    }
    inputParameters(task).keySet().stream().filter(input -> !boundInputs.contains(input))
        .forEach(input -> problems.add("input " + input + " is set, and the template does not write it"));
    extensions(task, CamundaInputOutput.class).forEach(io -> io.getCamundaOutputParameters()
        .forEach(output -> problems.add("output " + output.getCamundaName() + " is set, and the template does not write it")));
    for (ModelElementInstance extension : extensions(task, ModelElementInstance.class)) {
      // No Camunda 7 template binding writes a retry cycle; the models' asynchronous steps carry one of their own.
      if (!(extension instanceof CamundaInputOutput) && !(extension instanceof CamundaFailedJobRetryTimeCycle)) {
        problems.add("has camunda:" + extension.getElementType().getTypeName() + ", which the template does not write");
      }
    }
    return problems;
  }

  /** Why the element's value of one template field is not one the template would write, or null. */
  static String problem(JsonNode property, String actual) {
    switch (type(property)) {
      case "Hidden", "Boolean" -> {
        String fixed = property.path("value").asText();
        return fixed.equals(actual) ? null : "is " + quoted(actual) + "; the template writes '" + fixed + "'";
      }
      case "Dropdown" -> {
        List<String> choices = new ArrayList<>();
        property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
        return choices.contains(actual) ? null : "is " + quoted(actual) + ", not one of the template's choices " + choices;
      }
      default -> {
        JsonNode constraints = property.path("constraints");
        if (actual == null) {
          return constraints.path("notEmpty").asBoolean() ? "is missing; the template requires it" : null;
        }
        if (actual.isBlank()) {
          return "is empty: the engine cannot use an empty value (leave the field out instead)";
        }
        JsonNode pattern = constraints.path("pattern");
        String regex = pattern.isObject() ? pattern.path("value").asText() : pattern.asText();
        return regex.isEmpty() || Pattern.compile(regex).matcher(actual).find() ? null
            : "is " + quoted(actual) + ", which the template's pattern " + regex + " rejects";
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Forms that the models bind to what no template can make, each with the reason. */
  static Map<String, String> formsOfTasksTemplatesCannotMake() {
    Map<String, String> reasons = new TreeMap<>();
    models.forEach((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        boolean beyondTemplates = !extensions(task, CamundaTaskListener.class).isEmpty() || !isBlank(task.getCamundaAssignee());
        if (beyondTemplates && !isBlank(task.getCamundaFormRef())) {
          reasons.putIfAbsent(task.getCamundaFormRef(), file + ": " + describe(task) + ", with task listeners or an assignee");
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (!isBlank(start.getCamundaFormRef())) {
          reasons.putIfAbsent(start.getCamundaFormRef(), file + ": " + describe(start) + ", a start form");
        }
      }
    });
    return reasons;
  }

  static Stream<JsonNode> properties(JsonNode template) {
    List<JsonNode> list = new ArrayList<>();
    template.path("properties").forEach(list::add);
    return list.stream();
  }

  static String type(JsonNode property) {
    return property.path("type").asText("String");
  }

  static String bindingType(JsonNode property) {
    return property.path("binding").path("type").asText();
  }

  static String bindingName(JsonNode property) {
    return property.path("binding").path("name").asText();
  }

  static Predicate<JsonNode> boundTo(String attribute) {
    return property -> bindingType(property).equals(PROPERTY) && bindingName(property).equals(attribute);
  }

  static List<JsonNode> choicesBoundTo(JsonNode template, String attribute) {
    List<JsonNode> choices = new ArrayList<>();
    properties(template).filter(boundTo(attribute)).forEach(property -> property.path("choices").forEach(choices::add));
    return choices;
  }

  /** The values a template can write to the attribute: its fixed value or its choices. */
  static List<String> valuesBoundTo(JsonNode template, String attribute) {
    List<String> values = new ArrayList<>();
    properties(template).filter(boundTo(attribute)).forEach(property -> {
      if (property.has("choices")) {
        property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
      } else if (property.has("value")) {
        values.add(property.path("value").asText());
      }
    });
    return values;
  }

  static String bpmnType(ModelElementInstance element) {
    return "bpmn:" + capitalize(element.getElementType().getTypeName());
  }

  /** Local names of the camunda:* attributes the element sets. */
  static List<String> camundaAttributes(ModelElementInstance element) {
    List<String> set = new ArrayList<>();
    for (ModelElementType type = element.getElementType(); type != null; type = type.getBaseType()) {
      for (Attribute<?> attribute : type.getAttributes()) {
        if (CAMUNDA_NS.equals(attribute.getNamespaceUri())
            && element.getDomElement().hasAttribute(CAMUNDA_NS, attribute.getAttributeName())) {
          set.add(attribute.getAttributeName());
        }
      }
    }
    return set;
  }

  /** The element's value of an attribute ("camunda:dueDate", "name"); "" when present but empty, which the model API reads as absent. */
  static String attribute(ModelElementInstance element, String name) {
    String namespace = name.startsWith("camunda:") ? CAMUNDA_NS : null;
    String local = namespace == null ? name : name.substring("camunda:".length());
    String value = namespace == null ? element.getAttributeValue(local) : element.getAttributeValueNs(namespace, local);
    boolean present = namespace == null ? element.getDomElement().hasAttribute(local)
        : element.getDomElement().hasAttribute(namespace, local);
    return value == null && present ? "" : value;
  }

  static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    return extensions == null ? List.of() : extensions.getElementsQuery().filterByType(type).list();
  }

  static Map<String, String> inputParameters(BaseElement element) {
    Map<String, String> inputs = new TreeMap<>();
    for (CamundaInputOutput io : extensions(element, CamundaInputOutput.class)) {
      for (CamundaInputParameter input : io.getCamundaInputParameters()) {
        inputs.put(input.getCamundaName(), input.getTextContent());
      }
    }
    return inputs;
  }

  static String beanName(String delegateExpression) {
    Matcher bean = ModelConventionsTest.BEAN_EXPRESSION.matcher(delegateExpression.trim());
    assertThat(bean.matches()).as("'%s' names a single bean like ${beanName}", delegateExpression).isTrue();
    return bean.group(1);
  }

  /** The source file that declares {@code @Component("bean")}; every bean a template names is declared so. */
  static Path beanSource(String bean) throws IOException {
    String annotation = "@Component(\"" + bean + "\")";
    List<Path> declaring;
    try (Stream<Path> sources = Files.walk(MAIN_SOURCES)) {
      declaring = sources.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> read(path).contains(annotation)).toList();
    }
    assertThat(declaring).as("classes in %s declaring %s", MAIN_SOURCES, annotation).hasSize(1);
    return declaring.get(0);
  }

  static Class<?> beanClass(String bean) throws IOException, ClassNotFoundException {
    String relative = MAIN_SOURCES.relativize(beanSource(bean)).toString();
    return Class.forName(relative.substring(0, relative.length() - ".java".length()).replace('/', '.').replace('\\', '.'));
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every key that the schema declares anywhere as a property of an object. */
  static void collectDeclaredKeys(JsonNode schemaNode, Set<String> declared) {
    if (schemaNode.path("properties").isObject()) {
      schemaNode.path("properties").fieldNames().forEachRemaining(declared::add);
    }
    schemaNode.forEach(child -> collectDeclaredKeys(child, declared));
  }

  static void collectUndeclaredKeys(String where, JsonNode node, Set<String> declared, List<String> violations) {
    node.properties().forEach(field -> {
      if (!declared.contains(field.getKey())) {
        violations.add(where + ": key \"" + field.getKey() + "\" is not in the element-template schema; Modeler ignores it");
      }
    });
    node.forEach(child -> collectUndeclaredKeys(where, child, declared, violations));
  }

  static void requireKorean(String what, JsonNode text, List<String> violations) {
    if (!HANGUL.matcher(text.asText()).find()) {
      violations.add(what + " is " + (text.isMissingNode() ? "missing" : "'" + text.asText() + "'")
          + "; process owners read Korean");
    }
  }

  static String where(String file) {
    return TEMPLATES + "/" + file;
  }

  static String quoted(String value) {
    return value == null ? "not set" : "'" + value + "'";
  }
}
