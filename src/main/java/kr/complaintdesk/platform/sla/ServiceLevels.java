package kr.complaintdesk.platform.sla;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.engine.Decisions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The deadlines of the models, from the one table process owners edit ({@code processes/service-levels.dmn}):
 * a task's due date and the timer that escalates it name the same row, so they cannot drift apart.
 *
 * <pre>
 * camunda:dueDate="${serviceLevels.due('EVIDENCE_REVIEW')}"
 * &lt;bpmn:timeDate&gt;${serviceLevels.due('EVIDENCE_REVIEW')}&lt;/bpmn:timeDate&gt;
 * </pre>
 *
 * <p>The latest deployed version of the table answers, as with the other decisions; what a version answered is
 * kept, since a deployed version never changes, so an SLA costs one select of the latest version and no
 * evaluation after the first. The first-response SLA per priority stays in {@code complaint-triage}, which
 * decides the priority it depends on.
 */
@Component("serviceLevels")
public class ServiceLevels {

  public static final String DECISION_KEY = "service-levels";
  /** The table's input and outputs. */
  public static final String SLA = "sla";
  public static final String AMOUNT = "amount";
  public static final String UNIT = "unit";
  /** How a model names a row; tests use it to find every row the models need. */
  public static final Pattern NAMED_IN_EXPRESSION = Pattern.compile("serviceLevels\\.due\\(\\s*'([A-Z0-9_]+)'\\s*\\)");

  private final Decisions decisions;
  private final BusinessCalendar calendar;
  private volatile Version current = new Version("", Map.of());

  public ServiceLevels(Decisions decisions, BusinessCalendar calendar) {
    this.decisions = decisions;
    this.calendar = calendar;
  }

  /** The due moment of the SLA {@code id}, counted from now (the engine clock). One signature: JUEL picks by name. */
  public Date due(String id) {
    return level(id).after(ClockUtil.getCurrentTime(), calendar);
  }

  /** The row {@code id} of the latest deployed table. */
  public ServiceLevel level(String id) {
    DecisionDefinition latest = decisions.latest(DECISION_KEY);
    Version version = current;
    if (!version.definitionId().equals(latest.getId())) {
      version = new Version(latest.getId(), new ConcurrentHashMap<>());
      current = version;
    }
    ServiceLevel level = version.levels().get(id);
    if (level == null) {
      level = read(latest, id);
      version.levels().put(id, level);
    }
    return level;
  }

  private ServiceLevel read(DecisionDefinition table, String id) {
    Decisions.Outcome outcome = decisions.evaluate(table, Variables.createVariables().putValue(SLA, id));
    List<Map<String, Object>> rows = outcome.rows();
    if (rows.size() != 1) {
      throw new IllegalStateException(outcome.reference() + " has " + rows.size() + " rows for SLA " + id
          + " where one was expected");
    }
    Object amount = rows.get(0).get(AMOUNT);
    Object unit = rows.get(0).get(UNIT);
    if (!(amount instanceof Number number) || number.doubleValue() != number.intValue()) {
      throw new IllegalStateException(outcome.reference() + ": SLA " + id + " needs a whole number as amount, not " + amount);
    }
    ServiceLevel.Unit parsed;
    try {
      parsed = ServiceLevel.Unit.valueOf(String.valueOf(unit));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(outcome.reference() + ": SLA " + id + " has the unit " + unit
          + "; one of " + List.of(ServiceLevel.Unit.values()) + " is needed", e);
    }
    return new ServiceLevel(id, number.intValue(), parsed, outcome.reference());
  }

  /** What one deployed version of the table answered, by SLA id. */
  private record Version(String definitionId, Map<String, ServiceLevel> levels) {}
}
