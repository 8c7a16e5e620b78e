package kr.complaintdesk.platform.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Korean business days and hours, for SLA timers and task due dates in the BPMN models.
 *
 * <p>Working time is Monday to Friday, {@code opens-at}–{@code closes-at} (default 09:00–18:00) in
 * Asia/Seoul, whatever the JVM's default time zone, except the Korean public holidays of the year with
 * their substitute days (computed, see {@link KoreanPublicHolidays}) and {@code
 * complaints.calendar.extra-holidays} (election days, temporary holidays), less {@code
 * complaints.calendar.removed-holidays}.
 *
 * <p>In models (Camunda JUEL; {@code now()} is a {@link Date}):
 *
 * <pre>
 * ${businessCalendar.addBusinessHours(now(), firstResponseHours)}
 * ${businessCalendar.addBusinessDays(now(), 3)}
 * ${businessCalendar.koreanTime(execution.getVariable('visitAt'))}
 * </pre>
 *
 * <p>Each method name has a single signature on purpose: JUEL picks methods by name and argument count.
 */
@Component("businessCalendar")
public class BusinessCalendar {

  public static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

  private static final Logger LOG = LoggerFactory.getLogger(BusinessCalendar.class);

  private final LocalTime opensAt;
  private final LocalTime closesAt;
  private final Set<LocalDate> extraHolidays;
  private final Set<LocalDate> removedHolidays;
  private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

  public BusinessCalendar(BusinessCalendarProperties properties) {
    Objects.requireNonNull(properties, "properties");
    this.opensAt = properties.opensAt();
    this.closesAt = properties.closesAt();
    this.extraHolidays = Set.copyOf(properties.extraHolidays());
    this.removedHolidays = Set.copyOf(properties.removedHolidays());
    removedHolidays.stream()
        .filter(day -> !KoreanPublicHolidays.of(day.getYear(), extraHolidays).containsKey(day))
        .sorted()
        .forEach(day -> LOG.warn(
            "complaints.calendar.removed-holidays: {} is no Korean public holiday, nothing to remove", day));
  }

  /** The calendar with default hours and the computed public holidays only. */
  public static BusinessCalendar defaults() {
    return new BusinessCalendar(BusinessCalendarProperties.defaults());
  }

  /**
   * The instant when {@code hours} of working time after {@code start} have passed. A start outside
   * working time counts from the next opening; fractions of an hour are rounded to whole minutes. Work
   * that ends exactly at closing time is due at closing time, not at the next opening. Zero hours give
   * the next opening (or {@code start} itself, if it is within working time).
   */
  public Date addBusinessHours(Date start, Number hours) {
    Objects.requireNonNull(start, "start");
    Duration remaining = Duration.ofMinutes(toMinutes(hours));
    ZonedDateTime t = nextOpening(start.toInstant().atZone(KOREA));
    while (true) {
      ZonedDateTime closing = t.toLocalDate().atTime(closesAt).atZone(KOREA);
      Duration available = Duration.between(t, closing);
      if (available.compareTo(remaining) >= 0) {
        return Date.from(t.plus(remaining).toInstant());
      }
      remaining = remaining.minus(available);
      t = nextOpening(closing);
    }
  }

  /**
   * The same time of day {@code days} business days after {@code start}. A start outside working time
   * counts from the next opening, so {@code days = 0} gives the next opening.
   */
  public Date addBusinessDays(Date start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    ZonedDateTime from = nextOpening(start.toInstant().atZone(KOREA));
    LocalDate day = from.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = nextBusinessDay(day);
    }
    return Date.from(day.atTime(from.toLocalTime()).atZone(KOREA).toInstant());
  }

  /**
   * The instant of a Korean wall-clock time as a form records it ({@code "2026-03-02T10:00"}, the
   * {@code no_timezone} datetime of Camunda Forms), so that a due date does not depend on the server's
   * time zone. A {@link Date} is returned as it is, a text with an offset keeps its offset; {@code null}
   * or blank gives {@code null} (no due date).
   */
  public Date koreanTime(Object wallClock) {
    if (wallClock == null || wallClock instanceof Date) {
      return (Date) wallClock;
    }
    String text = wallClock.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Date.from(LocalDateTime.parse(text).atZone(KOREA).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      return Date.from(OffsetDateTime.parse(text).toInstant());
    }
  }

  /**
   * The business day that lies {@code days} business days before {@code day}: two business days before
   * a Monday is the Thursday before it. Used for reminders ahead of a deadline set by someone else.
   */
  public LocalDate businessDaysBefore(LocalDate day, int days) {
    Objects.requireNonNull(day, "day");
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate result = day;
    for (int i = 0; i < days; i++) {
      result = result.minusDays(1);
      while (!isBusinessDay(result)) {
        result = result.minusDays(1);
      }
    }
    return result;
  }

  /**
   * Closing time of the {@code days}-th business day after {@code day}, which itself does not count:
   * the deadline of "within N business days of" an event on that day, e.g. a refund within 3 business
   * days of receiving the returned goods (전자상거래법 제18조). An event on a weekend or holiday counts
   * the same as one on the business day before it.
   */
  public Date closingAfterBusinessDays(LocalDate day, int days) {
    Objects.requireNonNull(day, "day");
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1: " + days);
    }
    LocalDate due = day;
    for (int i = 0; i < days; i++) {
      due = nextBusinessDay(due);
    }
    return Date.from(due.atTime(closesAt).atZone(KOREA).toInstant());
  }

  /** Whether {@code day} is Monday to Friday and not a holiday. */
  public boolean isBusinessDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY
        && dayOfWeek != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).containsKey(day);
  }

  /**
   * {@code time} itself if it is within working time (opening inclusive, closing exclusive), otherwise
   * the next opening; always in Asia/Seoul.
   */
  public ZonedDateTime nextOpening(ZonedDateTime time) {
    Objects.requireNonNull(time, "time");
    LocalDateTime local = time.withZoneSameInstant(KOREA).toLocalDateTime();
    LocalDate day = local.toLocalDate();
    if (isBusinessDay(day)) {
      if (local.toLocalTime().isBefore(opensAt)) {
        return day.atTime(opensAt).atZone(KOREA);
      }
      if (local.toLocalTime().isBefore(closesAt)) {
        return local.atZone(KOREA);
      }
    }
    return nextBusinessDay(day).atTime(opensAt).atZone(KOREA);
  }

  /**
   * The holidays of {@code year} in effect (computed public holidays and substitute days, plus extra,
   * minus removed), by date, with their Korean names. Computed once per year.
   */
  public Map<LocalDate, String> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, y -> {
      Map<LocalDate, String> effective = new TreeMap<>(KoreanPublicHolidays.of(y, extraHolidays));
      effective.keySet().removeAll(removedHolidays);
      return Collections.unmodifiableMap(effective);
    });
  }

  public LocalTime opensAt() {
    return opensAt;
  }

  public LocalTime closesAt() {
    return closesAt;
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static long toMinutes(Number hours) {
    Objects.requireNonNull(hours, "hours");
    double value = hours.doubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new IllegalArgumentException("hours must be zero or more: " + hours);
    }
    return Math.round(value * 60);
  }
}
