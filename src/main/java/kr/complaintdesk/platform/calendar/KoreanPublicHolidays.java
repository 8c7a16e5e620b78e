package kr.complaintdesk.platform.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Korean public holidays (관공서의 공휴일에 관한 규정, 공휴일에 관한 법률) of a year, computed: the
 * fixed solar days, the lunar ones through ICU's Korean calendar (단기력, {@code DangiCalendar}), and the
 * substitute holidays (대체공휴일) by the rules in force in that year. Election days and temporary
 * holidays (임시공휴일) are announced, not computable: they come in as {@code otherDaysOff}, count as
 * holidays for the substitute rules, and are named {@value #OTHER_DAY_OFF}.
 *
 * <p>Substitute rules (규정 제3조): 설날·추석 (each of the three days) get one when the day falls on a
 * Sunday or on another holiday, not on a Saturday; 어린이날 (since 2014), 삼일절, 광복절, 개천절, 한글날
 * (since 2021), 부처님오신날 and 성탄절 (since 2023), 노동절 and 제헌절 (public holidays again from 2026)
 * when they fall on a Saturday, a Sunday or another holiday; 신정, 현충일 and election days never. Two
 * holidays on one weekday lose one day off, so they give one substitute (2025-05-05 어린이날 and
 * 부처님오신날: 2025-05-06). The substitute is the first following weekday that is no holiday, counted
 * from the last day of the 설날 or 추석 break. Years before 2013 (한글날 not a holiday, 제헌절 still one)
 * are not modelled.
 */
final class KoreanPublicHolidays {

  static final String OTHER_DAY_OFF = "추가 휴일";

  private static final String SUBSTITUTE = "대체공휴일";
  private static final long EPOCH_JULIAN_DAY = 2_440_588L;

  private KoreanPublicHolidays() {}

  /**
   * The holidays of {@code year} by date, with their Korean names; a date with two holidays gets both
   * names ({@code "어린이날·부처님오신날"}). {@code otherDaysOff} outside {@code year} are ignored.
   */
  static Map<LocalDate, String> of(int year, Collection<LocalDate> otherDaysOff) {
    Map<LocalDate, List<Holiday>> byDate = new TreeMap<>();
    for (Holiday holiday : holidaysOf(year)) {
      byDate.computeIfAbsent(holiday.date(), d -> new ArrayList<>()).add(holiday);
    }
    for (LocalDate day : new TreeSet<>(otherDaysOff)) {
      if (day.getYear() == year) {
        byDate.computeIfAbsent(day, d -> new ArrayList<>()).add(new Holiday(day, OTHER_DAY_OFF, Rule.NONE, day));
      }
    }
    Map<LocalDate, String> result = new TreeMap<>();
    byDate.forEach((day, holidays) -> result.put(day, names(holidays)));
    byDate.forEach((day, holidays) -> addSubstitutes(day, holidays, result));
    return Collections.unmodifiableMap(result);
  }

  /** When a holiday that falls on a weekend or on another holiday gives a substitute. */
  private enum Rule {
    NONE,
    SUNDAY_OR_OVERLAP,
    WEEKEND_OR_OVERLAP;

    boolean givesSubstitute(LocalDate day, boolean overlap) {
      return switch (this) {
        case NONE -> false;
        case SUNDAY_OR_OVERLAP -> overlap || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        case WEEKEND_OR_OVERLAP -> overlap || isWeekend(day);
      };
    }

    /** This rule if it was in force in {@code year}, otherwise none. */
    Rule since(int firstYear, int year) {
      return year >= firstYear ? this : NONE;
    }
  }

  /** One holiday; {@code breakEnds} is the last day of the 설날 or 추석 break it belongs to. */
  private record Holiday(LocalDate date, String name, Rule rule, LocalDate breakEnds) {}

  private static List<Holiday> holidaysOf(int year) {
    Rule lunarBreak = Rule.SUNDAY_OR_OVERLAP.since(2014, year);
    Rule childrensDay = Rule.WEEKEND_OR_OVERLAP.since(2014, year);
    Rule nationalDay = Rule.WEEKEND_OR_OVERLAP.since(2021, year);
    Rule buddhaAndChristmas = Rule.WEEKEND_OR_OVERLAP.since(2023, year);
    List<Holiday> holidays = new ArrayList<>();
    solar(holidays, year, 1, 1, "신정", Rule.NONE);
    threeDayBreak(holidays, lunar(year, 1, 1), "설날", lunarBreak);
    solar(holidays, year, 3, 1, "삼일절", nationalDay);
    if (year >= 2026) {
      solar(holidays, year, 5, 1, "노동절", Rule.WEEKEND_OR_OVERLAP);
    }
    solar(holidays, year, 5, 5, "어린이날", childrensDay);
    LocalDate buddhasBirthday = lunar(year, 4, 8);
    holidays.add(new Holiday(buddhasBirthday, "부처님오신날", buddhaAndChristmas, buddhasBirthday));
    solar(holidays, year, 6, 6, "현충일", Rule.NONE);
    if (year >= 2026) {
      solar(holidays, year, 7, 17, "제헌절", Rule.WEEKEND_OR_OVERLAP);
    }
    solar(holidays, year, 8, 15, "광복절", nationalDay);
    threeDayBreak(holidays, lunar(year, 8, 15), "추석", lunarBreak);
    solar(holidays, year, 10, 3, "개천절", nationalDay);
    solar(holidays, year, 10, 9, "한글날", nationalDay);
    solar(holidays, year, 12, 25, "성탄절", buddhaAndChristmas);
    return holidays;
  }

  private static void solar(List<Holiday> holidays, int year, int month, int day, String name, Rule rule) {
    LocalDate date = LocalDate.of(year, month, day);
    holidays.add(new Holiday(date, name, rule, date));
  }

  private static void threeDayBreak(List<Holiday> holidays, LocalDate day, String name, Rule rule) {
    LocalDate ends = day.plusDays(1);
    holidays.add(new Holiday(day.minusDays(1), name + " 전날", rule, ends));
    holidays.add(new Holiday(day, name, rule, ends));
    holidays.add(new Holiday(ends, name + " 다음날", rule, ends));
  }

  /**
   * Adds the substitutes that the holidays on {@code day} give, each on the first weekday after the
   * holiday (or its break) that is not yet a holiday, in date order.
   */
  private static void addSubstitutes(LocalDate day, List<Holiday> holidays, Map<LocalDate, String> result) {
    boolean overlap = holidays.size() > 1;
    List<Holiday> lost = holidays.stream().filter(h -> h.rule().givesSubstitute(day, overlap)).toList();
    // On a weekday the day itself is still one day off.
    int count = isWeekend(day) ? lost.size() : Math.min(lost.size(), holidays.size() - 1);
    for (int i = 0; i < count; i++) {
      List<Holiday> replaced = count == lost.size() ? List.of(lost.get(i)) : lost;
      LocalDate substitute = replaced.stream().map(Holiday::breakEnds).max(LocalDate::compareTo).orElseThrow();
      do {
        substitute = substitute.plusDays(1);
      } while (isWeekend(substitute) || result.containsKey(substitute));
      result.put(substitute, SUBSTITUTE + "(" + baseNames(replaced) + ")");
    }
  }

  private static String names(List<Holiday> holidays) {
    return holidays.stream().map(Holiday::name).collect(Collectors.joining("·"));
  }

  /** "설날" for any day of the 설날 break, so that its substitute reads 대체공휴일(설날). */
  private static String baseNames(List<Holiday> holidays) {
    return holidays.stream()
        .map(h -> h.name().replace(" 전날", "").replace(" 다음날", ""))
        .distinct()
        .collect(Collectors.joining("·"));
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /**
   * The Gregorian date of {@code month}/{@code day} (not a leap month) of the Korean lunar year that
   * begins in {@code year}. ICU computes the Korean calendar astronomically for Korean time; from 2000 to
   * 2050 its 설날, 부처님오신날 and 추석 agree with the dates of the Korea Astronomy and Space Science
   * Institute (KASI).
   */
  private static LocalDate lunar(int year, int month, int day) {
    // The locale keyword is ICU's public way to a DangiCalendar; its constructors are ICU-internal.
    Calendar dangi = Calendar.getInstance(TimeZone.getTimeZone("Asia/Seoul"), new ULocale("ko_KR@calendar=dangi"));
    if (!"dangi".equals(dangi.getType())) {
      throw new IllegalStateException("ICU gave a " + dangi.getType() + " calendar instead of the Korean one");
    }
    dangi.clear();
    // Midsummer lies in the lunar year that began in January or February of the same year.
    dangi.set(Calendar.JULIAN_DAY, toJulianDay(LocalDate.of(year, 7, 1)));
    int lunarYear = dangi.get(Calendar.EXTENDED_YEAR);
    dangi.clear();
    dangi.set(Calendar.EXTENDED_YEAR, lunarYear);
    dangi.set(Calendar.MONTH, month - 1);
    dangi.set(Calendar.IS_LEAP_MONTH, 0);
    dangi.set(Calendar.DAY_OF_MONTH, day);
    return LocalDate.ofEpochDay(dangi.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
  }

  private static int toJulianDay(LocalDate date) {
    return Math.toIntExact(date.toEpochDay() + EPOCH_JULIAN_DAY);
  }
}
