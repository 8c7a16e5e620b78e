package kr.complaintdesk.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Business hours and holidays of the complaint desk (prefix {@code complaints.calendar}).
 *
 * <p>Example:
 *
 * <pre>
 * complaints:
 *   calendar:
 *     opens-at: "09:00"
 *     closes-at: "18:00"
 *     extra-holidays: [2026-10-02]     # e.g. a temporary holiday (임시공휴일) announced later
 *     removed-holidays: [2027-05-03]   # a built-in day the desk works after all
 * </pre>
 *
 * @param opensAt opening time on business days, Korean time (default 09:00)
 * @param closesAt closing time on business days, Korean time (default 18:00); after {@code opensAt}
 * @param extraHolidays days off in addition to the built-in Korean public holidays (ISO dates)
 * @param removedHolidays built-in public holidays that are business days after all (ISO dates)
 */
@ConfigurationProperties(prefix = "complaints.calendar")
public record BusinessCalendarProperties(
    LocalTime opensAt,
    LocalTime closesAt,
    List<LocalDate> extraHolidays,
    List<LocalDate> removedHolidays) {

  public static final LocalTime DEFAULT_OPENS_AT = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_CLOSES_AT = LocalTime.of(18, 0);

  public BusinessCalendarProperties {
    opensAt = opensAt == null ? DEFAULT_OPENS_AT : opensAt;
    closesAt = closesAt == null ? DEFAULT_CLOSES_AT : closesAt;
    if (!opensAt.isBefore(closesAt)) {
      throw new IllegalArgumentException(
          "complaints.calendar.opens-at (" + opensAt + ") must be before closes-at (" + closesAt + ")");
    }
    extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
    removedHolidays = removedHolidays == null ? List.of() : List.copyOf(removedHolidays);
  }

  /** 09:00–18:00, the built-in holidays only. */
  public static BusinessCalendarProperties defaults() {
    return new BusinessCalendarProperties(null, null, null, null);
  }
}
