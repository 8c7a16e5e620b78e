package kr.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the browser tests type dates into form-js and read them back, whatever the browser's rendering. */
class CamundaFormDatesTest {

  static final String KOREAN = "yyyy. mm. dd.";
  static final String ENGLISH = "mm/dd/yyyy";

  @ParameterizedTest(name = "''{0}'' under placeholder ''{1}''")
  @CsvSource(delimiter = '|', value = {
      "2026. 12. 7.   | yyyy. mm. dd. | 2026-12-07", // Debian's Chromium 156: no zero padding
      "2026. 12. 07.  | yyyy. mm. dd. | 2026-12-07", // older Chromium builds
      "2027. 1. 1.    | yyyy. mm. dd. | 2027-01-01",
      "2027. 02. 28.  | yyyy. mm. dd. | 2027-02-28",
      "12/7/2026      | mm/dd/yyyy    | 2026-12-07", // an English browser
      "01/02/2027     | mm/dd/yyyy    | 2027-01-02",
      "7.12.2026      | dd.mm.yyyy    | 2026-12-07"})
  void readsTheShownDateWithOrWithoutLeadingZeros(String shown, String placeholder, LocalDate expected) {
    assertThat(CamundaForm.parseShownDate(shown, placeholder)).contains(expected);
  }

  @ParameterizedTest(name = "''{0}'' under placeholder ''{1}''")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "''             | yyyy. mm. dd.",
      "2026. 12.      | yyyy. mm. dd.",
      "2026. 2. 30.   | yyyy. mm. dd.", // no such day
      "26. 12. 7.     | yyyy. mm. dd.", // year cut short
      "12/7/2026      | yyyy. mm. dd.", // order that does not fit the placeholder
      "2026. 12. 7.   | ''"})
  void findsNoDateInWhatIsNotAWholeDate(String shown, String placeholder) {
    assertThat(CamundaForm.parseShownDate(shown, placeholder)).isEmpty();
  }

  @Test
  void typesInThePlaceholdersFormat() {
    assertThat(CamundaForm.formatLike(KOREAN, LocalDate.of(2027, 1, 7))).isEqualTo("2027. 01. 07.");
    assertThat(CamundaForm.formatLike(ENGLISH, LocalDate.of(2027, 1, 7))).isEqualTo("01/07/2027");
    assertThat(CamundaForm.parseShownDate(CamundaForm.formatLike(KOREAN, LocalDate.of(2026, 12, 31)), KOREAN))
        .contains(LocalDate.of(2026, 12, 31));
  }

  @Test
  void readsTheShownTime() {
    assertThat(CamundaForm.parseShownTime("14:30")).contains(LocalTime.of(14, 30));
    assertThat(CamundaForm.parseShownTime("9:05")).contains(LocalTime.of(9, 5));
    assertThat(CamundaForm.parseShownTime("24:00")).isEmpty();
    assertThat(CamundaForm.parseShownTime("")).isEmpty();
  }
}
