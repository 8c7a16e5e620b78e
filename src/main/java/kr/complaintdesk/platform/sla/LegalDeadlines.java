package kr.complaintdesk.platform.sla;

import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Pattern;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.engine.FormDates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The deadlines of {@link LegalDeadline} for the models, named like the rows of {@link ServiceLevels}. A law
 * counts from the day something became known, so a model hands that day over:
 * {@code ${legalDeadlines.dueFrom('REGULATOR_REPORT', execution.getVariable('adverseEventKnownOn'))}} is both the
 * task's due date and its timer.
 */
@Component("legalDeadlines")
public class LegalDeadlines {

  /** How a model names a legal deadline. */
  public static final Pattern NAMED_IN_EXPRESSION = Pattern.compile("legalDeadlines\\.due(?:From)?\\(\\s*'([A-Z0-9_]+)'\\s*[,)]");

  private final BusinessCalendar calendar;

  public LegalDeadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The due moment of the legal deadline {@code id}, counted from now (the engine clock). */
  public Date due(String id) {
    return LegalDeadline.valueOf(id).level().after(ClockUtil.getCurrentTime(), calendar);
  }

  /**
   * The due moment of the legal deadline {@code id} for what became known on {@code knownOn} (a date as forms
   * send it, {@code "2026-03-02"}, or a date variable): closing time of its last day. A case without the date
   * (one started before it was asked) counts from now, as {@link #due} does.
   */
  public Date dueFrom(String id, Object knownOn) {
    LocalDate day = FormDates.date(id, knownOn);
    return day == null ? due(id) : LegalDeadline.valueOf(id).level().afterDay(day, calendar);
  }
}
