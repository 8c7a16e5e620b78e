package kr.complaintdesk.platform.engine;

import java.time.LocalDate;
import java.util.Date;
import kr.complaintdesk.platform.calendar.EngineClock;

/** Dates as Camunda Forms submit them ({@code "2026-12-21"}) or as a date variable, read in Korean time. */
public final class FormDates {

  private FormDates() {}

  /**
   * The date in {@code value}, or null when it is empty; anything else is refused with a message that
   * names {@code field}, which Tasklist shows to the person who submitted the form.
   */
  public static LocalDate date(String field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return EngineClock.inKorea(date).toLocalDate();
    }
    return EngineClock.parseDate(value.toString().trim())
        .orElseThrow(() -> Refusal.badInput(field, "없는 날짜이거나 YYYY-MM-DD 형식이 아닙니다 (" + value + ")"));
  }
}
