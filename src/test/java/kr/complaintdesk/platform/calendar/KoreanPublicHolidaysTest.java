package kr.complaintdesk.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The computed Korean public holidays against the official lists, and each substitute rule on its own. */
class KoreanPublicHolidaysTest {

  /** Not computable days of {@code official-holidays.txt}, named as configured days are. */
  private static final String CONFIGURED = "config";

  // No official list yet: the lunar dates are KASI's (설날 2/8, 부처님오신날 5/15, 추석 9/16), the rest follows
  // the rules by hand.
  private static final String EXPECTED_2035 = """
      2035-01-01 신정
      2035-02-07 설날 전날
      2035-02-08 설날
      2035-02-09 설날 다음날
      2035-03-01 삼일절
      2035-05-01 노동절
      2035-05-05 어린이날
      2035-05-07 대체공휴일(어린이날)
      2035-05-15 부처님오신날
      2035-06-06 현충일
      2035-07-17 제헌절
      2035-08-15 광복절
      2035-09-15 추석 전날
      2035-09-16 추석
      2035-09-17 추석 다음날
      2035-09-18 대체공휴일(추석)
      2035-10-03 개천절
      2035-10-09 한글날
      2035-12-25 성탄절
      """;

  private static Map<LocalDate, String> parse(String list) {
    return list.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toMap(
            line -> LocalDate.parse(line.substring(0, 10)), line -> line.substring(11), (a, b) -> a, TreeMap::new));
  }

  /**
   * The official list of {@code year} from {@code official-holidays.txt}; with {@code configured}, the
   * election days and temporary holidays too, named as configured days are, else without them.
   */
  private static Map<LocalDate, String> official(int year, boolean configured) throws IOException {
    String text = new ClassPathResource("official-holidays.txt", KoreanPublicHolidaysTest.class)
        .getContentAsString(StandardCharsets.UTF_8);
    Map<LocalDate, String> holidays = new TreeMap<>();
    text.lines().filter(line -> line.startsWith(year + "-")).forEach(line -> {
      String name = line.substring(11);
      if (!name.endsWith(" " + CONFIGURED)) {
        holidays.put(LocalDate.parse(line.substring(0, 10)), name);
      } else if (configured) {
        holidays.put(LocalDate.parse(line.substring(0, 10)), KoreanPublicHolidays.OTHER_DAY_OFF);
      }
    });
    assertFalse(holidays.isEmpty(), "no official list for " + year);
    return holidays;
  }

  private static Map<LocalDate, String> computed(int year) {
    return KoreanPublicHolidays.of(year, Set.of());
  }

  @ParameterizedTest
  @ValueSource(ints = {2024, 2025, 2026, 2027})
  void computedHolidaysAreTheOfficialOnes(int year) throws IOException {
    assertEquals(official(year, false), computed(year));
  }

  @Test
  void aYearFarOutIsComputedToo() {
    assertEquals(parse(EXPECTED_2035), computed(2035));
    BusinessCalendar calendar = BusinessCalendar.defaults();
    assertFalse(calendar.isBusinessDay(LocalDate.parse("2035-09-18")));
    assertTrue(calendar.isBusinessDay(LocalDate.parse("2035-09-19")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # KASI's lunar conversion, 2028–2050 (설날, 부처님오신날, 추석)
      2028 | 2028-01-27 | 2028-05-02 | 2028-10-03
      2031 | 2031-01-23 | 2031-05-28 | 2031-10-01
      2039 | 2039-01-24 | 2039-04-30 | 2039-10-02
      2044 | 2044-01-30 | 2044-05-05 | 2044-10-05
      2050 | 2050-01-23 | 2050-05-28 | 2050-09-30
      """)
  void lunarHolidaysFollowKasi(int year, LocalDate seollal, LocalDate buddhasBirthday, LocalDate chuseok) {
    Map<LocalDate, String> holidays = computed(year);
    assertTrue(holidays.get(seollal).startsWith("설날"), () -> seollal + " " + holidays.get(seollal));
    assertTrue(holidays.get(buddhasBirthday).contains("부처님오신날"), buddhasBirthday::toString);
    assertTrue(holidays.get(chuseok).startsWith("추석"), chuseok::toString);
  }

  // --- one case per substitute rule ---

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2027-02-09 | 대체공휴일(설날)       | 설날 on Sunday
      2024-02-12 | 대체공휴일(설날)       | 설날 다음날 on Sunday
      2025-10-08 | 대체공휴일(추석)       | 추석 전날 on Sunday: after the break
      2024-05-06 | 대체공휴일(어린이날)   | 어린이날 on Sunday
      2029-05-07 | 대체공휴일(어린이날)   | 어린이날 on Saturday
      2025-05-06 | 대체공휴일(어린이날·부처님오신날) | 어린이날 and 부처님오신날 on one Monday: one substitute
      2025-03-03 | 대체공휴일(삼일절)     | 삼일절 on Saturday
      2026-03-02 | 대체공휴일(삼일절)     | 삼일절 on Sunday
      2026-08-17 | 대체공휴일(광복절)     | 광복절 on Saturday
      2027-10-04 | 대체공휴일(개천절)     | 개천절 on Sunday
      2027-10-11 | 대체공휴일(한글날)     | 한글날 on Saturday
      2026-05-25 | 대체공휴일(부처님오신날) | 부처님오신날 on Sunday
      2036-05-06 | 대체공휴일(부처님오신날) | 부처님오신날 on Saturday; Monday is 어린이날
      2027-12-27 | 대체공휴일(성탄절)     | 성탄절 on Saturday
      2027-05-03 | 대체공휴일(노동절)     | 노동절 on Saturday
      2027-07-19 | 대체공휴일(제헌절)     | 제헌절 on Saturday
      2028-10-05 | 대체공휴일(추석·개천절) | 추석 on 개천절 (no official list yet): one substitute, after the break
      2023-05-29 | 대체공휴일(부처님오신날) | 부처님오신날 on Saturday, the first year of that rule
      2017-10-06 | 대체공휴일(추석)       | 추석 전날 on 개천절, before national days had substitutes
      """)
  void substituteHoliday(LocalDate day, String name, String why) {
    assertEquals(name, computed(day.getYear()).get(day), why);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-09-28 | 추석 다음날 on Saturday 9/26: no substitute for a Saturday of 설날 or 추석
      2026-06-08 | 현충일 on Saturday 6/6: never a substitute
      2027-06-07 | 현충일 on Sunday 6/6: never a substitute
      2028-01-03 | 신정 on Saturday: never a substitute
      2022-12-26 | 성탄절 on Sunday before the 2023 rule
      2020-08-17 | 광복절 on Saturday before the 2021 rule (that year's 8/17 was a temporary holiday)
      """)
  void noSubstituteHoliday(LocalDate day, String why) {
    assertFalse(computed(day.getYear()).containsKey(day), why);
  }

  @Test
  void aSubstituteSkipsAnAnnouncedDayOff() {
    // a temporary holiday on Monday 2027-10-04 pushes 개천절's substitute to Tuesday
    Map<LocalDate, String> holidays = KoreanPublicHolidays.of(2027, List.of(LocalDate.parse("2027-10-04")));
    assertEquals(KoreanPublicHolidays.OTHER_DAY_OFF, holidays.get(LocalDate.parse("2027-10-04")));
    assertEquals("대체공휴일(개천절)", holidays.get(LocalDate.parse("2027-10-05")));
    assertFalse(holidays.containsKey(LocalDate.parse("2027-10-06")));
  }

  @Test
  void announcedDaysOfOtherYearsAreIgnored() {
    assertEquals(computed(2027), KoreanPublicHolidays.of(2027, List.of(LocalDate.parse("2026-06-03"))));
  }

  // --- the configuration as shipped ---

  @ParameterizedTest
  @ValueSource(ints = {2024, 2025, 2026, 2027})
  void applicationYamlAddsTheElectionDaysAndTemporaryHolidays(int year) throws IOException {
    BusinessCalendar calendar = new BusinessCalendar(shippedProperties());
    assertEquals(official(year, true), calendar.holidays(year));
  }

  private static BusinessCalendarProperties shippedProperties() throws IOException {
    var documents = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
    return new Binder(ConfigurationPropertySources.from(documents.get(0)))
        .bind("complaints.calendar", BusinessCalendarProperties.class)
        .get();
  }
}
