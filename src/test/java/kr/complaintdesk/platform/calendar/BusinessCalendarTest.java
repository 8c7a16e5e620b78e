package kr.complaintdesk.platform.calendar;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

  private final BusinessCalendar calendar = BusinessCalendar.defaults();

  /** The exact instant of a Korean wall-clock time (UTC+9, Korea has no daylight saving time). */
  private static Instant at(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  // --- stories ---

  @Test
  void phoneCaseReportedOnSaturdayCountsFromMondayMorning() {
    // reported Saturday 15:00 with a 4-hour first-response SLA: due Monday 13:00
    Date due = calendar.addBusinessHours(kst("2026-03-14T15:00"), 4);
    assertEquals(at("2026-03-16T13:00"), due.toInstant());
    assertEquals(Instant.parse("2026-03-16T04:00:00Z"), due.toInstant());
  }

  @Test
  void fridayEveningReportContinuesOnMonday() {
    // one hour left on Friday, three on Monday
    assertEquals(at("2026-03-16T12:00"), calendar.addBusinessHours(kst("2026-03-13T17:00"), 4).toInstant());
  }

  @Test
  void earlyMorningCountsFromOpening() {
    assertEquals(at("2026-03-17T11:00"), calendar.addBusinessHours(kst("2026-03-17T08:00"), 2).toInstant());
  }

  @Test
  void lateEveningCountsFromNextMorning() {
    assertEquals(at("2026-03-18T11:00"), calendar.addBusinessHours(kst("2026-03-17T21:30"), 2).toInstant());
  }

  @Test
  void multiDaySlaSpansWholeWorkingDays() {
    // 24 h = 2 h Tue + 9 h Wed + 9 h Thu + 4 h Fri
    assertEquals(at("2026-03-20T13:00"), calendar.addBusinessHours(kst("2026-03-17T16:00"), 24).toInstant());
  }

  // --- holidays in between ---

  @Test
  void chuseok2026IsSkipped() {
    // Wed 16:00: 2 h left; Thu 9/24 추석 전날, Fri 9/25 추석, Sat 9/26 추석 다음날, Sun; then Mon 6 h
    assertEquals(at("2026-09-28T15:00"), calendar.addBusinessHours(kst("2026-09-23T16:00"), 8).toInstant());
  }

  @Test
  void seollal2027WithItsSubstituteHolidayIsSkipped() {
    // Fri 2/5 14:00: 4 h; Sat 2/6–Mon 2/8 설날 연휴, Tue 2/9 대체공휴일 (설날 on Sunday); Wed 4 h
    assertEquals(at("2027-02-10T13:00"), calendar.addBusinessHours(kst("2027-02-05T14:00"), 8).toInstant());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // substitute holiday, Friday / last business day before 17:00, due with 2 h
    "2026-03-02, 2026-02-27T17:00, 2026-03-03T10:00", // 삼일절 on Sunday
    "2026-05-25, 2026-05-22T17:00, 2026-05-26T10:00", // 부처님오신날 on Sunday
    "2027-02-09, 2027-02-05T17:00, 2027-02-10T10:00", // 설날 on Sunday
    "2027-12-27, 2027-12-24T17:00, 2027-12-28T10:00", // 성탄절 on Saturday
  })
  void substituteHolidayIsSkipped(String substitute, String start, String due) {
    LocalDate day = LocalDate.parse(substitute);
    assertTrue(calendar.holidays(day.getYear()).get(day).startsWith("대체공휴일"));
    assertFalse(calendar.isBusinessDay(day));
    assertEquals(at(due), calendar.addBusinessHours(kst(start), 2).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-06-08", // 현충일 on Saturday 2026-06-06: no substitute
    "2027-06-07", // 현충일 on Sunday 2027-06-06: no substitute
    "2026-09-28", // 추석 다음날 on Saturday 2026-09-26: Saturday gives 추석 no substitute
    "2026-10-06", // 한글날 2026 is a Friday
    "2026-12-24", "2026-12-31", "2027-12-31", "2027-02-10", "2027-05-04", "2027-09-17",
  })
  void ordinaryWeekdaysAreBusinessDays(String day) {
    assertTrue(calendar.isBusinessDay(LocalDate.parse(day)));
  }

  @Test
  void weekendsAreNotBusinessDays() {
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2026-03-14")));
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2026-03-15")));
    assertTrue(calendar.isBusinessDay(LocalDate.parse("2026-03-16")));
  }

  // --- configuration ---

  @Test
  void extraHolidaysFromPropertiesAreSkipped() {
    BusinessCalendar withExtra = new BusinessCalendar(new BusinessCalendarProperties(
        null, null, List.of(LocalDate.parse("2026-06-03"), LocalDate.parse("2026-06-04")), null));
    assertFalse(withExtra.isBusinessDay(LocalDate.parse("2026-06-04")));
    assertEquals("추가 휴일", withExtra.holidays(2026).get(LocalDate.parse("2026-06-04")));
    // Tue 17:00: 1 h; Wed election day; Thu extra holiday; Fri 1 h
    assertEquals(at("2026-06-05T10:00"), withExtra.addBusinessHours(kst("2026-06-02T17:00"), 2).toInstant());
    // an election day is not computable: without configuration it is worked
    assertEquals(at("2026-06-03T10:00"), calendar.addBusinessHours(kst("2026-06-02T17:00"), 2).toInstant());
  }

  @Test
  void removedHolidaysFromPropertiesAreWorked() {
    BusinessCalendar without = new BusinessCalendar(new BusinessCalendarProperties(
        null, null, null, List.of(LocalDate.parse("2026-07-17"), LocalDate.parse("2035-09-18"))));
    assertTrue(without.isBusinessDay(LocalDate.parse("2026-07-17")));
    assertEquals(at("2026-07-17T10:00"), without.addBusinessHours(kst("2026-07-16T17:00"), 2).toInstant());
    assertEquals(at("2026-07-20T10:00"), calendar.addBusinessHours(kst("2026-07-16T17:00"), 2).toInstant());
    // a computed substitute day of a year far out
    assertTrue(without.isBusinessDay(LocalDate.parse("2035-09-18")));
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2035-09-18")));
  }

  @Test
  void removingAHolidayLeavesItsSubstituteAndTheOtherHolidays() {
    BusinessCalendar without = new BusinessCalendar(new BusinessCalendarProperties(
        null, null, null, List.of(LocalDate.parse("2027-12-25"))));
    assertFalse(without.holidays(2027).containsKey(LocalDate.parse("2027-12-25")));
    assertEquals("대체공휴일(성탄절)", without.holidays(2027).get(LocalDate.parse("2027-12-27")));
    assertEquals(calendar.holidays(2027).size() - 1, without.holidays(2027).size());
  }

  @Test
  void customOpeningHours() {
    BusinessCalendar early = new BusinessCalendar(new BusinessCalendarProperties(
        LocalTime.of(8, 30), LocalTime.of(17, 30), null, null));
    // Fri 16:30: 1 h; Mon from 08:30: 2 h
    assertEquals(at("2026-03-16T10:30"), early.addBusinessHours(kst("2026-03-13T16:30"), 3).toInstant());
    assertEquals(at("2026-03-17T10:30"), early.addBusinessHours(kst("2026-03-17T08:00"), 2).toInstant());
    // 17:30 is closed: counts from the next morning
    assertEquals(at("2026-03-18T09:30"), early.addBusinessHours(kst("2026-03-17T17:30"), 1).toInstant());
    assertEquals(at("2026-03-17T17:30"), early.addBusinessHours(kst("2026-03-17T08:30"), 9).toInstant());
  }

  @Test
  void propertiesHaveDefaults() {
    BusinessCalendarProperties properties = new BusinessCalendarProperties(null, null, null, null);
    assertEquals(LocalTime.of(9, 0), properties.opensAt());
    assertEquals(LocalTime.of(18, 0), properties.closesAt());
    assertEquals(List.of(), properties.extraHolidays());
    assertEquals(List.of(), properties.removedHolidays());
    assertEquals(KoreanPublicHolidays.of(2026, Set.of()), calendar.holidays(2026));
  }

  @Test
  void openingMustBeBeforeClosing() {
    assertThrows(IllegalArgumentException.class,
        () -> new BusinessCalendarProperties(LocalTime.of(18, 0), LocalTime.of(9, 0), null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new BusinessCalendarProperties(LocalTime.of(9, 0), LocalTime.of(9, 0), null, null));
  }

  // --- business days ---

  @Test
  void addBusinessDaysAcrossAWeekend() {
    assertEquals(at("2026-03-18T10:00"), calendar.addBusinessDays(kst("2026-03-13T10:00"), 3).toInstant());
  }

  @Test
  void addBusinessDaysAcrossAHoliday() {
    // Wed 9/23; Thu–Sat 추석, Sun; Mon 9/28 is day 1, Tue 9/29 day 2
    assertEquals(at("2026-09-29T10:00"), calendar.addBusinessDays(kst("2026-09-23T10:00"), 2).toInstant());
    // Fri 10/2; Mon 10/5 대체공휴일(개천절); Tue 10/6, Wed 10/7, Thu 10/8, Fri 10/9 한글날, Mon 10/12
    assertEquals(at("2026-10-12T11:15"), calendar.addBusinessDays(kst("2026-10-02T11:15"), 4).toInstant());
  }

  @ParameterizedTest(name = "goods back {0}: refund due {1} at closing")
  @CsvSource({
    "2026-12-18, 2026-12-23", // Fri: Mon 21, Tue 22, Wed 23
    "2026-12-24, 2026-12-30", // Thu before 성탄절 (Fri) and the weekend: Mon 28, Tue 29, Wed 30
    "2026-12-26, 2026-12-30", // Sat counts like the Friday before it
    "2026-10-02, 2026-10-08" // Fri before 개천절 (Sat) and its substitute Mon 10/5: Tue 6, Wed 7, Thu 8
  })
  void closingAfterBusinessDaysIsTheDeadlineOfWithinBusinessDays(LocalDate day, LocalDate due) {
    assertEquals(due.atTime(18, 0).atZone(BusinessCalendar.KOREA).toInstant(),
        calendar.closingAfterBusinessDays(day, 3).toInstant());
  }

  @Test
  void closingAfterBusinessDaysNeedsAtLeastOneDay() {
    assertThrows(IllegalArgumentException.class, () -> calendar.closingAfterBusinessDays(LocalDate.parse("2026-12-18"), 0));
  }

  @Test
  void addBusinessDaysOutsideBusinessHoursCountsFromNextOpening() {
    assertEquals(at("2026-03-17T09:00"), calendar.addBusinessDays(kst("2026-03-14T15:00"), 1).toInstant());
    assertEquals(at("2026-03-17T09:00"), calendar.addBusinessDays(kst("2026-03-13T18:00"), 1).toInstant());
    assertEquals(at("2026-03-18T09:00"), calendar.addBusinessDays(kst("2026-03-17T07:00"), 1).toInstant());
    assertEquals(at("2026-03-16T09:00"), calendar.addBusinessDays(kst("2026-03-14T15:00"), 0).toInstant());
    assertEquals(at("2026-03-17T10:00"), calendar.addBusinessDays(kst("2026-03-17T10:00"), 0).toInstant());
  }

  // --- wall-clock times from forms ---

  @Test
  void aVisitTimeFromTheFormIsKoreanTimeWhateverTheJvmTimeZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "America/New_York", "Asia/Seoul")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertEquals(Instant.parse("2026-03-03T05:30:00Z"), calendar.koreanTime("2026-03-03T14:30").toInstant(), zone);
        assertEquals(Instant.parse("2026-03-03T05:30:00Z"), calendar.koreanTime("2026-03-03T14:30:00").toInstant(), zone);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void aWallClockTimeWithAnOffsetOrAsADateIsKeptAndNoTimeGivesNoDueDate() {
    assertEquals(Instant.parse("2026-03-03T14:30:00Z"), calendar.koreanTime("2026-03-03T14:30Z").toInstant());
    Date date = kst("2026-03-03T14:30");
    assertEquals(date, calendar.koreanTime(date));
    assertEquals(null, calendar.koreanTime(null));
    assertEquals(null, calendar.koreanTime(" "));
    assertThrows(RuntimeException.class, () -> calendar.koreanTime("내일 오후"));
  }

  // --- boundaries ---

  @Test
  void startExactlyAtClosingCountsFromNextOpening() {
    assertEquals(at("2026-03-18T10:00"), calendar.addBusinessHours(kst("2026-03-17T18:00"), 1).toInstant());
    assertEquals(at("2026-03-16T10:00"), calendar.addBusinessHours(kst("2026-03-13T18:00"), 1).toInstant());
  }

  @Test
  void startExactlyAtOpening() {
    assertEquals(at("2026-03-17T10:00"), calendar.addBusinessHours(kst("2026-03-17T09:00"), 1).toInstant());
  }

  @Test
  void hoursEndingExactlyAtClosingAreDueAtClosing() {
    assertEquals(at("2026-03-17T18:00"), calendar.addBusinessHours(kst("2026-03-17T14:00"), 4).toInstant());
    assertEquals(at("2026-03-17T18:00"), calendar.addBusinessHours(kst("2026-03-17T09:00"), 9).toInstant());
    assertEquals(at("2026-03-18T18:00"), calendar.addBusinessHours(kst("2026-03-17T09:00"), 18).toInstant());
    // one minute more goes to the next morning
    assertEquals(at("2026-03-18T09:01"), calendar.addBusinessHours(kst("2026-03-17T14:00"), 4 + 1 / 60.0).toInstant());
  }

  @Test
  void zeroHours() {
    assertEquals(at("2026-03-17T10:00"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 0).toInstant());
    assertEquals(at("2026-03-16T09:00"), calendar.addBusinessHours(kst("2026-03-14T15:00"), 0).toInstant());
    assertEquals(at("2026-03-18T09:00"), calendar.addBusinessHours(kst("2026-03-17T18:00"), 0).toInstant());
  }

  @Test
  void fractionalHoursAreRoundedToMinutes() {
    assertEquals(at("2026-03-17T11:30"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 1.5).toInstant());
    assertEquals(at("2026-03-17T10:15"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 0.25f).toInstant());
    assertEquals(at("2026-03-17T10:20"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 1 / 3.0).toInstant());
    assertEquals(at("2026-03-17T10:01"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 0.01).toInstant());
    assertEquals(at("2026-03-18T10:30"), calendar.addBusinessHours(kst("2026-03-17T16:00"), new BigDecimal("3.5")).toInstant());
    assertEquals(at("2026-03-17T14:00"), calendar.addBusinessHours(kst("2026-03-17T10:00"), 4L).toInstant());
  }

  @Test
  void secondsOfTheStartAreKept() {
    Date start = Date.from(Instant.parse("2026-03-17T08:59:30.250Z")); // Tue 17:59:30.250 KST
    // 29.75 s on Tuesday, the remaining 29 min 30.25 s from Wednesday 09:00
    assertEquals(Instant.parse("2026-03-18T00:29:30.250Z"), calendar.addBusinessHours(start, 0.5).toInstant());
  }

  @Test
  void invalidArguments() {
    Date start = kst("2026-03-17T10:00");
    assertThrows(IllegalArgumentException.class, () -> calendar.addBusinessHours(start, -1));
    assertThrows(IllegalArgumentException.class, () -> calendar.addBusinessHours(start, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> calendar.addBusinessDays(start, -1));
    assertThrows(NullPointerException.class, () -> calendar.addBusinessHours(null, 1));
    assertThrows(NullPointerException.class, () -> calendar.addBusinessHours(start, null));
  }

  @Test
  void nextOpening() {
    ZoneId seoul = BusinessCalendar.KOREA;
    ZonedDateTime tuesday = ZonedDateTime.of(2026, 3, 17, 0, 0, 0, 0, seoul);
    assertEquals(tuesday.withHour(9), calendar.nextOpening(tuesday.withHour(7)));
    assertEquals(tuesday.withHour(9), calendar.nextOpening(tuesday.withHour(9)));
    assertEquals(tuesday.withHour(17).withMinute(59).withSecond(59),
        calendar.nextOpening(tuesday.withHour(17).withMinute(59).withSecond(59)));
    assertEquals(tuesday.plusDays(1).withHour(9), calendar.nextOpening(tuesday.withHour(18)));
    // Friday evening before 추석 2026 and a weekend: Monday 9/28
    assertEquals(ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, seoul),
        calendar.nextOpening(ZonedDateTime.of(2026, 9, 23, 18, 30, 0, 0, seoul)));
    // given in another zone: Mon 2026-03-16 21:00 in New York (EDT) is Tue 10:00 in Seoul
    ZonedDateTime newYork = ZonedDateTime.of(2026, 3, 16, 21, 0, 0, 0, ZoneId.of("America/New_York"));
    ZonedDateTime opening = calendar.nextOpening(newYork);
    assertEquals(seoul, opening.getZone());
    assertEquals(at("2026-03-17T10:00"), opening.toInstant());
  }

  // --- time zone ---

  @Test
  void resultDoesNotDependOnTheJvmDefaultTimeZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "America/New_York", "Asia/Seoul")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        BusinessCalendar fresh = BusinessCalendar.defaults();
        // Saturday 15:00 in Seoul is Saturday 06:00 UTC and Saturday 02:00 in New York
        Date reported = Date.from(Instant.parse("2026-03-14T06:00:00Z"));
        assertEquals(Instant.parse("2026-03-16T04:00:00Z"), fresh.addBusinessHours(reported, 4).toInstant(), zone);
        // Friday 23:30 UTC = Saturday 08:30 in Seoul: not Friday evening working time
        Date lateFridayUtc = Date.from(Instant.parse("2026-03-13T23:30:00Z"));
        assertEquals(Instant.parse("2026-03-16T01:00:00Z"), fresh.addBusinessHours(lateFridayUtc, 1).toInstant(), zone);
        assertEquals(Instant.parse("2026-03-18T01:00:00Z"),
            fresh.addBusinessDays(Date.from(Instant.parse("2026-03-13T01:00:00Z")), 3).toInstant(), zone);
        assertFalse(fresh.isBusinessDay(LocalDate.parse("2026-09-25")), zone);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
