package kr.complaintdesk.platform.sla;

import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import kr.complaintdesk.platform.calendar.BusinessCalendar;

/**
 * One deadline: how much time a step has, in which unit, and where that was decided ({@code service-levels v3},
 * or the law for a {@link LegalDeadline}).
 */
public record ServiceLevel(String id, int amount, Unit unit, String source) {

  /** How an amount is counted. The names are what the {@code unit} column of the table holds. */
  public enum Unit {
    /** The same time of day that many business days later ({@link BusinessCalendar#addBusinessDays}). */
    BUSINESS_DAYS("영업일"),
    /** That many hours of Korean working time ({@link BusinessCalendar#addBusinessHours}). */
    BUSINESS_HOURS("영업시간"),
    /** The same wall-clock time that many days later in Korea, weekends and holidays included. */
    CALENDAR_DAYS("일");

    private final String korean;

    Unit(String korean) {
      this.korean = korean;
    }

    public String korean() {
      return korean;
    }
  }

  public ServiceLevel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    if (amount < 0) {
      throw new IllegalArgumentException(source + ": " + id + " has a negative amount: " + amount);
    }
  }

  /** When the time runs out for something that starts at {@code start}. */
  public Date after(Date start, BusinessCalendar calendar) {
    return switch (unit) {
      case BUSINESS_DAYS -> calendar.addBusinessDays(start, amount);
      case BUSINESS_HOURS -> calendar.addBusinessHours(start, amount);
      case CALENDAR_DAYS -> Date.from(start.toInstant().atZone(BusinessCalendar.KOREA).plusDays(amount).toInstant());
    };
  }

  /**
   * When the time runs out for something that happened on {@code day}, which itself does not count: closing time
   * of the last day ("알게 된 날부터 15일" ends at closing time 15 days after that day).
   */
  public Date afterDay(LocalDate day, BusinessCalendar calendar) {
    Date closing = Date.from(day.atTime(calendar.closesAt()).atZone(BusinessCalendar.KOREA).toInstant());
    return switch (unit) {
      case BUSINESS_DAYS -> amount == 0 ? closing : calendar.closingAfterBusinessDays(day, amount);
      case BUSINESS_HOURS -> calendar.addBusinessHours(closing, amount);
      case CALENDAR_DAYS -> Date.from(day.plusDays(amount).atTime(calendar.closesAt()).atZone(BusinessCalendar.KOREA).toInstant());
    };
  }

  /** "2영업일", "8영업시간", "14일": for names and timelines that tell people the deadline. */
  public String text() {
    return amount + unit.korean();
  }
}
