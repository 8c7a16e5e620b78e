package kr.complaintdesk.platform.sla;

import java.util.Date;
import java.util.regex.Pattern;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The deadlines of {@link LegalDeadline} for the models, named like the rows of {@link ServiceLevels}:
 * {@code ${legalDeadlines.due('REGULATOR_REPORT')}} is both the task's due date and its timer.
 */
@Component("legalDeadlines")
public class LegalDeadlines {

  /** How a model names a legal deadline. */
  public static final Pattern NAMED_IN_EXPRESSION = Pattern.compile("legalDeadlines\\.due\\(\\s*'([A-Z0-9_]+)'\\s*\\)");

  private final BusinessCalendar calendar;

  public LegalDeadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The due moment of the legal deadline {@code id}, counted from now (the engine clock). */
  public Date due(String id) {
    return LegalDeadline.valueOf(id).level().after(ClockUtil.getCurrentTime(), calendar);
  }
}
