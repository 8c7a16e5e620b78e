package kr.complaintdesk.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import kr.complaintdesk.platform.calendar.EngineClock;

/**
 * The rule for an expected delivery date, the same for the logistics investigation's form and the case API's ETA
 * change, and how the date and the parcel's whereabouts reach the customer's message.
 */
final class DeliveryEta {

  /** Beyond this a date is a typing slip (2062 for 2026), not a promise anyone could keep. */
  static final int FURTHEST_DAYS = 365;
  static final int LONGEST_WHEREABOUTS = 500;

  private static final DateTimeFormatter KOREAN = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E)", Locale.KOREAN);

  private DeliveryEta() {}

  /** Why {@code eta} cannot be promised to the customer, in Korean; null when it can. Today counts by the engine clock. */
  static String problem(LocalDate eta) {
    LocalDate today = EngineClock.today();
    if (eta.isBefore(today)) {
      return "배송 예정일은 오늘(" + today + ")이나 그 뒤의 날짜여야 합니다";
    }
    if (eta.isAfter(today.plusDays(FURTHEST_DAYS))) {
      return "배송 예정일은 오늘부터 " + FURTHEST_DAYS + "일 안이어야 합니다";
    }
    return null;
  }

  /** The facts a delay message names: where the parcel is and the expected date as a Korean reader writes it. */
  static Map<String, String> facts(String whereabouts, LocalDate eta) {
    return Map.of("whereabouts", whereabouts.strip(), "eta", eta.format(KOREAN));
  }
}
