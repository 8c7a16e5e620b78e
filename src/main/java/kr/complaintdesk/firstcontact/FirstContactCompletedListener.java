package kr.complaintdesk.firstcontact;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the first contact is done: the agent becomes the case owner (notices about the case go to
 * them), and a call-back time promised to the customer becomes the due date of the call-back task
 * with a reminder {@link #REMINDER_LEAD} before it. A promise that is not in the future, or further
 * away than {@link #LONGEST_PROMISE}, is refused and nothing is saved.
 */
@Component("firstContactCompleted")
class FirstContactCompletedListener implements TaskListener {

  public static final Duration REMINDER_LEAD = Duration.ofMinutes(30);
  public static final Duration LONGEST_PROMISE = Duration.ofDays(30);

  private final Timeline timeline;
  private final BusinessCalendar calendar;

  public FirstContactCompletedListener(Timeline timeline, BusinessCalendar calendar) {
    this.timeline = timeline;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    String agent = CurrentUser.of(task);
    if (agent != null) {
      task.setVariable(CASE_OWNER, agent);
    }
    if (!isTrue(task, CALLBACK_PROMISED)) {
      task.setVariable(CALLBACK_PROMISED, false);
      return;
    }
    ZonedDateTime promised = promisedTime(task.getVariable(CALLBACK_PROMISED_AT));
    ZonedDateTime now = EngineClock.inKorea(ClockUtil.getCurrentTime());
    if (!promised.isAfter(now)) {
      throw Refusal.badInput(CALLBACK_PROMISED_AT, "약속한 회신 시각은 지금("
          + now.format(EngineClock.MINUTES) + ")보다 뒤여야 합니다");
    }
    if (promised.isAfter(now.plus(LONGEST_PROMISE))) {
      throw Refusal.badInput(CALLBACK_PROMISED_AT, "회신 약속은 30일 안의 시각이어야 합니다");
    }
    ZonedDateTime reminder = promised.minus(REMINDER_LEAD);
    task.setVariable(CALLBACK_DUE, Date.from(promised.toInstant()));
    task.setVariable(CALLBACK_REMINDER_AT, Date.from((reminder.isAfter(now) ? reminder : now).toInstant()));
    timeline.record(string(task, CASE_NUMBER), Timeline.Kind.PROMISE, agent,
        "회신 약속: " + promised.format(EngineClock.MINUTES) + "까지 고객에게 연락", null);
  }

  private ZonedDateTime promisedTime(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw Refusal.badInput(CALLBACK_PROMISED_AT, "회신을 약속했으면 약속한 날짜와 시각을 입력하세요");
    }
    try {
      return EngineClock.inKorea(calendar.koreanTime(value));
    } catch (DateTimeParseException e) {
      throw Refusal.badInput(CALLBACK_PROMISED_AT, "날짜와 시각이 아닙니다 (예: 2026-11-23T18:00)");
    }
  }
}
