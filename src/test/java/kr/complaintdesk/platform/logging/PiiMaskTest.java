package kr.complaintdesk.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiMaskTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "duplicate key ('EMAIL', 'secret.person@example.kr') | duplicate key ('EMAIL', '[email]')",
      "PHONE 01098765432 exists | PHONE [phone] exists",
      "call 010-9876-5432 now | call [phone] now",
      "intl +82 10 9876 5432 | intl [phone]",
      "Seoul 02-123-4567 and Busan 051-123-4567 | Seoul [phone] and Busan [phone]",
      "case C-2026-000123 and job 0123456 | case C-2026-000123 and job 0123456",
  })
  void contactDetailsAreMaskedAndCaseNumbersKept(String text, String masked) {
    assertThat(PiiMask.mask(text)).isEqualTo(masked);
  }
}
