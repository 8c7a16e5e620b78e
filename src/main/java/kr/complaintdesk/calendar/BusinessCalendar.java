package kr.complaintdesk.calendar;

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
 * Asia/Seoul, whatever the JVM's default time zone, except Korean public holidays (built in for 2026
 * and 2027, see {@link #DEFAULT_HOLIDAYS}) and {@code complaints.calendar.extra-holidays}.
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

  /**
   * Korean public holidays (관공서의 공휴일 / 공휴일에 관한 법률) of 2026 and 2027, with their substitute
   * holidays (대체공휴일). Days that fall on a weekend are listed too, so the list reads like the
   * official calendar (월력요항). Substitute rules (관공서의 공휴일에 관한 규정 제3조, as amended in
   * 2023 and 2026): 설날·추석 get one when a day of the three falls on a Sunday or another holiday
   * (not a Saturday); 삼일절, 제헌절, 광복절, 개천절, 한글날, 어린이날, 부처님오신날, 성탄절 and
   * 노동절 when they fall on a Saturday or Sunday (or another holiday); 신정, 현충일 and election days
   * never. The substitute is the first following day that is neither a weekend day nor a holiday.
   */
  public static final Map<LocalDate, String> DEFAULT_HOLIDAYS = holidays(
      // 2026
      "2026-01-01", "신정", // Thu
      "2026-02-16", "설날 전날", // Mon
      "2026-02-17", "설날", // Tue (음 1.1)
      "2026-02-18", "설날 다음날", // Wed
      "2026-03-01", "삼일절", // Sun
      "2026-03-02", "대체공휴일(삼일절)", // Mon
      "2026-05-01", "노동절", // Fri; public holiday from 2026 (before: 근로자의 날, private sector only)
      "2026-05-05", "어린이날", // Tue
      "2026-05-24", "부처님오신날", // Sun (음 4.8)
      "2026-05-25", "대체공휴일(부처님오신날)", // Mon
      "2026-06-03", "제9회 전국동시지방선거", // Wed
      "2026-06-06", "현충일", // Sat, no substitute
      "2026-07-17", "제헌절", // Fri; public holiday again from 2026 (공휴일에 관한 법률 개정)
      "2026-08-15", "광복절", // Sat
      "2026-08-17", "대체공휴일(광복절)", // Mon
      "2026-09-24", "추석 전날", // Thu
      "2026-09-25", "추석", // Fri (음 8.15)
      "2026-09-26", "추석 다음날", // Sat; Saturday gives no substitute for 추석
      "2026-10-03", "개천절", // Sat
      "2026-10-05", "대체공휴일(개천절)", // Mon
      "2026-10-09", "한글날", // Fri
      "2026-12-25", "성탄절", // Fri (기독탄신일)
      // 2027 (no election: the next presidential election is in 2030, the general election in 2028)
      "2027-01-01", "신정", // Fri
      "2027-02-06", "설날 전날", // Sat
      "2027-02-07", "설날", // Sun (음 1.1)
      "2027-02-08", "설날 다음날", // Mon
      "2027-02-09", "대체공휴일(설날)", // Tue
      "2027-03-01", "삼일절", // Mon
      "2027-05-01", "노동절", // Sat
      "2027-05-03", "대체공휴일(노동절)", // Mon
      "2027-05-05", "어린이날", // Wed
      "2027-05-13", "부처님오신날", // Thu (음 4.8)
      "2027-06-06", "현충일", // Sun, no substitute
      "2027-07-17", "제헌절", // Sat
      "2027-07-19", "대체공휴일(제헌절)", // Mon
      "2027-08-15", "광복절", // Sun
      "2027-08-16", "대체공휴일(광복절)", // Mon
      "2027-09-14", "추석 전날", // Tue
      "2027-09-15", "추석", // Wed (음 8.15)
      "2027-09-16", "추석 다음날", // Thu
      "2027-10-03", "개천절", // Sun
      "2027-10-04", "대체공휴일(개천절)", // Mon
      "2027-10-09", "한글날", // Sat
      "2027-10-11", "대체공휴일(한글날)", // Mon
      "2027-12-25", "성탄절", // Sat
      "2027-12-27", "대체공휴일(성탄절)"); // Mon

  /** Years whose public holidays are built in; for other years only extra-holidays count. */
  public static final int FIRST_BUILT_IN_YEAR = 2026;

  public static final int LAST_BUILT_IN_YEAR = 2027;

  private static final Logger LOG = LoggerFactory.getLogger(BusinessCalendar.class);

  private final LocalTime opensAt;
  private final LocalTime closesAt;
  private final Map<LocalDate, String> holidays;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public BusinessCalendar(BusinessCalendarProperties properties) {
    Objects.requireNonNull(properties, "properties");
    this.opensAt = properties.opensAt();
    this.closesAt = properties.closesAt();
    Map<LocalDate, String> effective = new TreeMap<>(DEFAULT_HOLIDAYS);
    properties.extraHolidays().forEach(day -> effective.putIfAbsent(day, "추가 휴일"));
    properties.removedHolidays().forEach(effective::remove);
    this.holidays = Collections.unmodifiableMap(effective);
  }

  /** The calendar with default hours and the built-in holidays only. */
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
    warnIfNotBuiltIn(day.getYear());
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY
        && dayOfWeek != DayOfWeek.SUNDAY
        && !holidays.containsKey(day);
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

  /** The holidays in effect (built-in plus extra, minus removed), by date, with their names. */
  public Map<LocalDate, String> holidays() {
    return holidays;
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

  private void warnIfNotBuiltIn(int year) {
    if ((year < FIRST_BUILT_IN_YEAR || year > LAST_BUILT_IN_YEAR) && warnedYears.add(year)) {
      LOG.warn(
          "No built-in Korean public holidays for {}; only weekends and complaints.calendar."
              + "extra-holidays are skipped. Add that year's holidays to BusinessCalendar.",
          year);
    }
  }

  private static Map<LocalDate, String> holidays(String... dateAndName) {
    Map<LocalDate, String> map = new TreeMap<>();
    for (int i = 0; i < dateAndName.length; i += 2) {
      if (map.put(LocalDate.parse(dateAndName[i]), dateAndName[i + 1]) != null) {
        throw new IllegalStateException("holiday listed twice: " + dateAndName[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
