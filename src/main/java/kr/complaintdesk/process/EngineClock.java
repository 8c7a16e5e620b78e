package kr.complaintdesk.process;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Now, by the engine's clock (which tests move), in Korean time. */
public final class EngineClock {

  public static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

  private EngineClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), KOREA);
  }
}
