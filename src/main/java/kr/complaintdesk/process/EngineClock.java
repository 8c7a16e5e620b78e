package kr.complaintdesk.process;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import kr.complaintdesk.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Now, by the engine's clock (which tests move), in Korean time. */
public final class EngineClock {

  public static final ZoneId KOREA = BusinessCalendar.KOREA;

  private EngineClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), KOREA);
  }

  /** Today in Korea, by the engine's clock. */
  public static LocalDate today() {
    return now().toLocalDate();
  }
}
