package kr.complaintdesk.analysis;

import java.time.LocalDate;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.sla.LegalDeadlines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the lead is warned that a serious adverse event is still not reported to the MFDS: at opening time
 * {@link #BUSINESS_DAYS_AHEAD} business days before the day of the legal deadline, which counts from the day the
 * company learned of the event ({@code legalDeadlines.dueFrom('REGULATOR_REPORT', …)}); at once when that moment
 * has passed. The lead time is tied to the law's deadline, not to a step of ours, so it sits beside it here, as
 * the agency reply's reminder does; the service-levels table only counts forward from now.
 */
@Component("regulatorReportWarning")
public class RegulatorReportWarning {

  public static final String DEADLINE = "REGULATOR_REPORT";
  public static final int BUSINESS_DAYS_AHEAD = 2;

  private final LegalDeadlines legalDeadlines;
  private final BusinessCalendar calendar;

  public RegulatorReportWarning(LegalDeadlines legalDeadlines, BusinessCalendar calendar) {
    this.legalDeadlines = legalDeadlines;
    this.calendar = calendar;
  }

  /** The warning moment for an event the company learned of on {@code knownOn} (as the model passes it). */
  public Date at(Object knownOn) {
    Date deadline = legalDeadlines.dueFrom(DEADLINE, knownOn);
    LocalDate deadlineDay = EngineClock.inKorea(deadline).toLocalDate();
    Date warning = EngineClock.at(calendar.businessDaysBefore(deadlineDay, BUSINESS_DAYS_AHEAD), calendar.opensAt());
    Date now = ClockUtil.getCurrentTime();
    return warning.before(now) ? now : warning;
  }
}
