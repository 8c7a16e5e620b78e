package kr.complaintdesk.platform.engine;

import static kr.complaintdesk.platform.engine.ModelConventionsTest.CAMUNDA_NS;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.PROCESSES;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.assertNoViolations;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.describe;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.filesIn;
import static kr.complaintdesk.platform.engine.ModelConventionsTest.owner;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.complaintdesk.platform.sla.LegalDeadline;
import kr.complaintdesk.platform.sla.LegalDeadlines;
import kr.complaintdesk.platform.sla.ServiceLevel;
import kr.complaintdesk.platform.sla.ServiceLevels;
import kr.complaintdesk.support.DecisionTableFile;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every deadline of the models comes from one place: the rows of {@code processes/service-levels.dmn}
 * ({@code ${serviceLevels.due('ID')}}), or a deadline set by law ({@code ${legalDeadlines.due('ID')}}),
 * or a moment recorded on the case ({@code ${refundDue}}). A number of days or hours typed into a timer or
 * a due date would be a second place that the next change of the table misses; these checks catch it.
 */
class ServiceLevelsInModelsTest {

  static final String INSTEAD = "name a row of processes/service-levels.dmn instead, ${serviceLevels.due('ROW')}, "
      + "or for a deadline set by law ${legalDeadlines.due('ID')} (LegalDeadline)";

  /** Date arithmetic with a number in an expression: addBusinessDays(now(), 3), plusDays(15), plusHours(8). */
  static final Pattern ARITHMETIC_WITH_NUMBER =
      Pattern.compile("\\b(add\\w*|plus\\w*|minus\\w*)\\s*\\((?:[^()]|\\([^()]*\\))*\\d");
  /** An ISO 8601 period or duration: P14D, PT8H, P1DT12H, R3/P1D. */
  static final Pattern ISO_DURATION = Pattern.compile("(?<![A-Za-z0-9])P(?:\\d+[YMWD]|T\\d+[HMS])");
  /** Operations settings, not SLAs: job retries and how long history is kept. */
  static final Pattern OPERATIONS_SETTINGS = Pattern.compile(
      "<camunda:failedJobRetryTimeCycle>[^<]*</camunda:failedJobRetryTimeCycle>|camunda:historyTimeToLive=\"[^\"]*\"");
  /** A name or note that states an amount of time: "2영업일", "14일", "8시간", "30 days". */
  static final Pattern STATED_AMOUNT = Pattern.compile("\\d+\\s*(영업일|영업시간|시간|일|주|개월|분|business|days?\\b|hours?\\b)");

  static Map<String, BpmnModelInstance> models;
  static Map<String, String> xml;
  static DecisionTableFile table;

  @BeforeAll
  static void readModels() throws IOException {
    models = new TreeMap<>();
    xml = new TreeMap<>();
    for (Path file : filesIn(PROCESSES, ".bpmn")) {
      String name = PROCESSES.getFileName() + "/" + file.getFileName();
      models.put(name, Bpmn.readModelFromFile(file.toFile()));
      xml.put(name, Files.readString(file, StandardCharsets.UTF_8));
    }
    assertThat(models).as("models in %s", PROCESSES).isNotEmpty();
    table = DecisionTableFile.of(ServiceLevels.DECISION_KEY);
  }

  @Test
  void timersAndDueDatesStateNoNumber() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        for (ModelElementInstance definition : Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
          if (definition != null && hasDigit(definition.getTextContent())) {
            violations.add(file + ": the timer of " + owner(timer) + " is '" + definition.getTextContent().trim()
                + "'; " + INSTEAD);
          }
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (String attribute : List.of("dueDate", "followUpDate")) {
          String value = task.getAttributeValueNs(CAMUNDA_NS, attribute);
          if (hasDigit(value)) {
            violations.add(file + ": " + describe(task) + " has camunda:" + attribute + "=\"" + value
                + "\"; " + INSTEAD);
          }
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void noExpressionAnywhereCountsAFixedAmountOfTime() {
    List<String> violations = new ArrayList<>();
    xml.forEach((file, text) -> {
      String withoutOperations = OPERATIONS_SETTINGS.matcher(text).replaceAll("");
      for (Pattern literal : List.of(ARITHMETIC_WITH_NUMBER, ISO_DURATION)) {
        Matcher found = literal.matcher(withoutOperations);
        while (found.find()) {
          violations.add(file + ": '" + found.group() + "' (line " + lineOf(withoutOperations, found.start())
              + ") counts a fixed amount of time; " + INSTEAD);
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void everyRowTheModelsNameIsInTheTableWithAWholeAmountAndAKnownUnit() {
    Set<String> named = namedRows(ServiceLevels.NAMED_IN_EXPRESSION);
    assertThat(named).as("service-levels rows named by the models").isNotEmpty();
    List<String> violations = new ArrayList<>();
    for (String id : named) {
      DmnDecisionTableResult rows = table.evaluate(Variables.createVariables().putValue(ServiceLevels.SLA, id));
      if (rows.size() != 1) {
        violations.add(table.file() + " has " + rows.size() + " rows for '" + id + "', which a model names; it needs one");
        continue;
      }
      Object amount = rows.getSingleResult().get(ServiceLevels.AMOUNT);
      Object unit = rows.getSingleResult().get(ServiceLevels.UNIT);
      if (!(amount instanceof Integer whole) || whole < 0) {
        violations.add(table.file() + ": row '" + id + "' has the amount " + amount + "; it needs a whole number, 0 or more");
      }
      if (Arrays.stream(ServiceLevel.Unit.values()).noneMatch(known -> known.name().equals(unit))) {
        violations.add(table.file() + ": row '" + id + "' has the unit " + unit + "; it needs one of "
            + Arrays.toString(ServiceLevel.Unit.values()));
      }
    }
    for (String id : namedRows(LegalDeadlines.NAMED_IN_EXPRESSION)) {
      if (Arrays.stream(LegalDeadline.values()).noneMatch(known -> known.name().equals(id))) {
        violations.add("a model names the legal deadline '" + id + "', which LegalDeadline does not know");
      }
    }
    assertNoViolations(violations);
  }

  @Test
  void everyRowOfTheTableIsReadByAModel() {
    DecisionTableFile fresh = DecisionTableFile.of(ServiceLevels.DECISION_KEY);
    namedRows(ServiceLevels.NAMED_IN_EXPRESSION)
        .forEach(id -> fresh.evaluate(Variables.createVariables().putValue(ServiceLevels.SLA, id)));

    assertThat(fresh.matchedRuleIds())
        .as("rules of %s read by a model; a row no model reads changes nothing and misleads whoever edits it", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @Test
  void aTaskAndTheTimerOnItNameTheSameDeadline() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
        Activity task = boundary.getAttachedTo();
        String taskDeadline = task == null ? null : deadlineOf(task.getAttributeValueNs(CAMUNDA_NS, "dueDate"));
        for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
          String timerDeadline = timer.getTimeDate() == null ? null : deadlineOf(timer.getTimeDate().getTextContent());
          if (taskDeadline != null && timerDeadline != null && !taskDeadline.equals(timerDeadline)) {
            violations.add(file + ": " + describe(task) + " is due by " + taskDeadline + " but its timer "
                + describe(boundary) + " reads " + timerDeadline + "; the overdue timer and the due date name the same row");
          }
        }
      }
    });
    assertNoViolations(violations);
  }

  /** A task due by a row of the table has a timer reading that row: a due date nobody is told about chases nobody. */
  @Test
  void everyTaskDueByARowHasATimerOnThatRow() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String taskDeadline = deadlineOf(task.getAttributeValueNs(CAMUNDA_NS, "dueDate"));
        if (taskDeadline == null || !taskDeadline.startsWith("service-levels row")) {
          continue;
        }
        boolean chased = model.getModelElementsByType(BoundaryEvent.class).stream()
            .filter(boundary -> boundary.getAttachedTo() == task)
            .flatMap(boundary -> boundary.getChildElementsByType(TimerEventDefinition.class).stream())
            .anyMatch(timer -> timer.getTimeDate() != null && taskDeadline.equals(deadlineOf(timer.getTimeDate().getTextContent())));
        if (!chased) {
          violations.add(file + ": " + describe(task) + " is due by " + taskDeadline + " but no timer on it reads that row");
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void whatReadsTheTableDoesNotRepeatItsNumberInNamesOrNotes() {
    List<String> violations = new ArrayList<>();
    models.forEach((file, model) -> {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (!readsTheTable(element)) {
          continue;
        }
        List<String> texts = new ArrayList<>();
        texts.add(element.getName());
        element.getDocumentations().stream().map(Documentation::getTextContent).forEach(texts::add);
        for (String text : texts) {
          Matcher stated = text == null ? null : STATED_AMOUNT.matcher(text);
          if (stated != null && stated.find()) {
            violations.add(file + ": " + describe(element) + " says '" + stated.group() + "' but reads its deadline from "
                + "service-levels.dmn, where it can change: name the row (e.g. EVIDENCE_REVIEW) instead of its number");
          }
        }
      }
    });
    assertNoViolations(violations);
  }

  @Test
  void theChecksCatchALiteralDeadline() {
    String literal = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${businessCalendar.addBusinessDays(now(), 3)}</bpmn:timeDate>"
        + "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P14D</bpmn:timeDuration>"
        + "<camunda:failedJobRetryTimeCycle>R5/PT10M</camunda:failedJobRetryTimeCycle>";
    String withoutOperations = OPERATIONS_SETTINGS.matcher(literal).replaceAll("");
    assertThat(ARITHMETIC_WITH_NUMBER.matcher(withoutOperations).find()).isTrue();
    assertThat(ISO_DURATION.matcher(withoutOperations).results().map(java.util.regex.MatchResult::group)).as("ISO durations found")
        .containsExactly("P14D");
    assertThat(ISO_DURATION.matcher("우선순위를 P1로 올리고 ${priority == 'P2'}").find()).as("priorities are not durations").isFalse();
    assertThat(STATED_AMOUNT.matcher("검토 SLA 2영업일 지남").find()).isTrue();
    assertThat(STATED_AMOUNT.matcher("만족도(1~5)를 묻습니다").find()).isFalse();
    assertThat(deadlineOf("${serviceLevels.due('EVIDENCE_REVIEW')}")).isEqualTo("service-levels row EVIDENCE_REVIEW");
    assertThat(deadlineOf("${legalDeadlines.due( 'REGULATOR_REPORT' )}")).isEqualTo("legal deadline REGULATOR_REPORT");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The rows named anywhere in the models by {@code pattern}. */
  static Set<String> namedRows(Pattern pattern) {
    Set<String> ids = new TreeSet<>();
    xml.values().forEach(text -> pattern.matcher(text).results().forEach(found -> ids.add(found.group(1))));
    return ids;
  }

  /** "service-levels row X" or "legal deadline X" for an expression that names one, else null. */
  static String deadlineOf(String expression) {
    if (expression == null) {
      return null;
    }
    Matcher row = ServiceLevels.NAMED_IN_EXPRESSION.matcher(expression);
    if (row.find()) {
      return "service-levels row " + row.group(1);
    }
    Matcher legal = LegalDeadlines.NAMED_IN_EXPRESSION.matcher(expression);
    return legal.find() ? "legal deadline " + legal.group(1) : null;
  }

  /** A task whose due date, or an event whose timer, names a row of the table. */
  static boolean readsTheTable(FlowElement element) {
    if (ServiceLevels.NAMED_IN_EXPRESSION.matcher(String.valueOf(element.getAttributeValueNs(CAMUNDA_NS, "dueDate"))).find()) {
      return true;
    }
    return element.getChildElementsByType(TimerEventDefinition.class).stream()
        .anyMatch(timer -> timer.getTimeDate() != null
            && ServiceLevels.NAMED_IN_EXPRESSION.matcher(timer.getTimeDate().getTextContent()).find());
  }

  static boolean hasDigit(String text) {
    return text != null && text.chars().anyMatch(Character::isDigit);
  }

  static int lineOf(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}
