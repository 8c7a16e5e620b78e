package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_DEADLINE;
import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_DUE;
import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_REMINDER_AT;

import java.time.LocalDate;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The reply date a consumer agency (한국소비자원, 1372) sets for a transferred case. It is the agency's
 * deadline, so the reply is due by closing time that day even if the agency chose a day off; the
 * reminder comes at opening two business days before (or at once, if that has passed).
 */
@Component
public class AgencyReplyDeadline {

  /** The furthest ahead or back an agency reply date may lie; anything further is taken for a typing error. */
  public static final int LONGEST_DAYS_AHEAD = 90;
  public static final int LONGEST_DAYS_BACK = 90;
  public static final int REMINDER_BUSINESS_DAYS = 2;

  private final BusinessCalendar calendar;

  public AgencyReplyDeadline(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * Why {@code due} cannot be an agency reply date, or null when it can. A transfer may arrive after the
   * agency's date ({@code pastAllowed}): it is registered and goes to the overdue path at once, so the case
   * is not lost; a new date set by the agency for the next reply must lie ahead.
   */
  public String problem(LocalDate due, boolean pastAllowed) {
    LocalDate today = EngineClock.today();
    if (!pastAllowed && due.isBefore(today)) {
      return "이미 지난 날짜입니다 (오늘 " + today + "): 기관에 확인한 회신 기한을 입력하세요";
    }
    if (due.isBefore(today.minusDays(LONGEST_DAYS_BACK))) {
      return LONGEST_DAYS_BACK + "일 넘게 지난 날짜입니다: 날짜를 확인하세요";
    }
    if (due.isAfter(today.plusDays(LONGEST_DAYS_AHEAD))) {
      return "오늘부터 " + LONGEST_DAYS_AHEAD + "일 안의 날짜여야 합니다";
    }
    return null;
  }

  /** Sets the reply date and the deadline and reminder instants its timers read. */
  public void apply(VariableScope scope, LocalDate due) {
    Date now = ClockUtil.getCurrentTime();
    Date deadline = EngineClock.at(due, calendar.closesAt());
    Date reminder = EngineClock.at(calendar.businessDaysBefore(due, REMINDER_BUSINESS_DAYS), calendar.opensAt());
    scope.setVariable(AGENCY_REPLY_DUE, due.toString());
    scope.setVariable(AGENCY_REPLY_DEADLINE, deadline);
    scope.setVariable(AGENCY_REPLY_REMINDER_AT, reminder.before(now) ? now : reminder);
  }
}
