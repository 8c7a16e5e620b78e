package kr.complaintdesk.support;

import java.time.LocalDateTime;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;

/** Korean wall-clock times for tests that move the engine clock. */
public final class KoreanTime {

  private KoreanTime() {}

  /** A Korean wall-clock time, e.g. {@code "2026-12-21T10:00"}, as an instant. */
  public static Date kst(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.KOREA).toInstant());
  }
}
