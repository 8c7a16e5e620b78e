package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.ADVERSE_EVENT_KNOWN_ON;
import static kr.complaintdesk.casefile.CaseVariables.OCCURRED_ON;

import java.time.LocalDate;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.FormDates;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The day the company learned of an adverse event ({@link CaseVariables#ADVERSE_EVENT_KNOWN_ON}), from which the
 * regulator report's legal deadline counts: one rule for intake (API and start form), the first contact and the
 * safety lab's forms. Not after today; not before the day the problem occurred, when that is known.
 */
public final class AdverseEventAwareness {

  private AdverseEventAwareness() {}

  /** What is wrong with {@code knownOn} for a case whose problem occurred on {@code occurredOn} (may be null), or null. */
  public static String problem(LocalDate knownOn, LocalDate occurredOn) {
    if (knownOn == null) {
      return null;
    }
    if (knownOn.isAfter(EngineClock.today())) {
      return "미래의 날짜일 수 없습니다";
    }
    if (occurredOn != null && knownOn.isBefore(occurredOn)) {
      return "문제 발생일(" + occurredOn + ")보다 앞설 수 없습니다";
    }
    return null;
  }

  /** The day stored on {@code variables}, null when there is none; a malformed one is refused by field name. */
  public static LocalDate of(VariableScope variables) {
    return FormDates.date(ADVERSE_EVENT_KNOWN_ON, variables.getVariable(ADVERSE_EVENT_KNOWN_ON));
  }

  /** The day the case's problem occurred, when intake recorded a well-formed one. */
  public static LocalDate occurredOn(VariableScope variables) {
    Object value = variables.getVariable(OCCURRED_ON);
    return value == null ? null : EngineClock.parseDate(value.toString().trim()).orElse(null);
  }
}
