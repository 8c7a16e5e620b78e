package kr.complaintdesk.platform.calendar;

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
 *     extra-holidays: [2026-06-03]     # election days and temporary holidays (임시공휴일), as announced
 *     removed-holidays: [2027-05-03]   # a computed public holiday the desk works after all
 * </pre>
 *
 * <p>The Korean public holidays and their substitute days are computed for every year ({@link
 * KoreanPublicHolidays}); only what cannot be computed is configured.
 *
 * @param opensAt opening time on business days, Korean time (default 09:00)
 * @param closesAt closing time on business days, Korean time (default 18:00); after {@code opensAt}
 * @param extraHolidays days off in addition to the computed Korean public holidays (ISO dates); they
 *     count as public holidays for the substitute rules, as election days and temporary holidays do
 * @param removedHolidays computed public holidays (or substitute days) that are business days after all
 *     (ISO dates); removing a holiday leaves its substitute day in place
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

  /** 09:00–18:00, the computed public holidays only. */
  public static BusinessCalendarProperties defaults() {
    return new BusinessCalendarProperties(null, null, null, null);
  }
}
