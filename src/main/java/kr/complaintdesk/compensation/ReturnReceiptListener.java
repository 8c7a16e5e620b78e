package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.FormDates;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Sets the refund deadline when logistics confirms the return: the refund is due within 3 business days
 * of the day the returned goods arrived (전자상거래법 제18조 ①), or of today when nothing has to come back.
 * Bad input is refused before anything is stored, so the task stays open and unchanged.
 */
@Component("returnReceipt")
class ReturnReceiptListener implements TaskListener {

  /** 전자상거래법 제18조 ①: 재화등을 반환받은 날부터 3영업일 이내에 환급. */
  public static final int REFUND_BUSINESS_DAYS = 3;
  /** A return that arrived longer ago than this is taken for a typing error (e.g. the wrong year). */
  public static final int OLDEST_RETURN_DAYS = 90;

  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd (E) HH:mm", Locale.KOREAN);

  private final BusinessCalendar calendar;
  private final Timeline timeline;

  public ReturnReceiptListener(BusinessCalendar calendar, Timeline timeline) {
    this.calendar = calendar;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = EngineClock.today();
    boolean noReturnNeeded = isTrue(task, NO_RETURN_NEEDED);
    LocalDate countFrom;
    String basis;
    if (noReturnNeeded) {
      Object reason = task.getVariable(NO_RETURN_REASON);
      if (reason == null || reason.toString().isBlank()) {
        throw Refusal.badInput(NO_RETURN_REASON, "반품 회수가 필요 없으면 그 이유를 적어야 합니다");
      }
      // A date left over from before the box was ticked would contradict the recorded decision.
      task.removeVariable(RETURN_RECEIVED_ON);
      countFrom = today;
      basis = "반품 회수 불필요 (" + reason + "), 확인일 " + today + "부터 " + REFUND_BUSINESS_DAYS + "영업일";
    } else {
      countFrom = receivedOn(task.getVariable(RETURN_RECEIVED_ON), today);
      task.setVariable(RETURN_RECEIVED_ON, countFrom.toString());
      basis = "반품 도착일 " + countFrom + "부터 " + REFUND_BUSINESS_DAYS + "영업일 (전자상거래법 제18조)";
    }
    Date due = calendar.closingAfterBusinessDays(countFrom, REFUND_BUSINESS_DAYS);
    String dueText = DUE_TEXT.format(EngineClock.inKorea(due));
    task.setVariable(NO_RETURN_NEEDED, noReturnNeeded);
    task.setVariable(REFUND_DUE, due);
    task.setVariable(REFUND_DUE_TEXT, dueText);
    timeline.record(string(task, CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.of(task),
        "환불 기한: " + dueText + "까지", basis);
  }

  private static LocalDate receivedOn(Object value, LocalDate today) {
    LocalDate received = FormDates.date(RETURN_RECEIVED_ON, value);
    if (received == null) {
      throw Refusal.badInput(RETURN_RECEIVED_ON,
          "반품 상품이 도착한 날을 적거나, 회수가 필요 없으면 '반품 회수가 필요 없음'을 체크하고 이유를 적어야 합니다");
    }
    if (received.isAfter(today)) {
      throw Refusal.badInput(RETURN_RECEIVED_ON, "반품 도착일(" + received + ")은 오늘(" + today
          + ")보다 뒤일 수 없습니다. 상품이 실제로 도착한 날을 적으세요");
    }
    if (received.isBefore(today.minusDays(OLDEST_RETURN_DAYS))) {
      throw Refusal.badInput(RETURN_RECEIVED_ON, "반품 도착일(" + received + ")은 " + OLDEST_RETURN_DAYS
          + "일 넘게 지난 날짜입니다. 날짜를 확인하세요");
    }
    return received;
  }
}
