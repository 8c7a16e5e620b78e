package kr.complaintdesk.platform.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Korean time for the whole application: now by the engine's clock (which tests move), instants the engine
 * stores read as Korean wall-clock time and back, and the one way a date is read from text.
 */
public final class EngineClock {

  public static final ZoneId KOREA = BusinessCalendar.KOREA;

  /** How a Korean date and time is shown to staff and customers, e.g. {@code 2026-11-23 18:00}. */
  public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private EngineClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), KOREA);
  }

  /** Today in Korea, by the engine's clock. */
  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** An instant as the engine stores it (a {@link Date}), on the Korean wall clock. */
  public static ZonedDateTime inKorea(Date instant) {
    return instant.toInstant().atZone(KOREA);
  }

  /** The instant of a Korean wall-clock time on {@code day}, as the engine stores it. */
  public static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(KOREA).toInstant());
  }

  /**
   * The date written as {@code YYYY-MM-DD} (as Camunda Forms and the API send it), or empty when the text is
   * not in that form or names no real day ({@code 2026-02-30}).
   */
  public static Optional<LocalDate> parseDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
