package kr.complaintdesk.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Line;
import kr.complaintdesk.casefile.Remedy;
import org.camunda.spin.plugin.variable.value.JsonValue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values no other test of this JVM gets, for data that must not meet another test's in a shared database:
 * phone numbers and e-mails (one customer per test), idempotency keys, channel references, business keys.
 * They come from one counter per JVM rather than from chance, so they read well in a failure message
 * ({@code 010-7000-0042}, {@code idem-same-key-0042}) and a rerun gets the same ones. Every test database
 * lives as long as its JVM at most (in-memory H2, a PostgreSQL database made anew per class), so a counter
 * per JVM is enough.
 */
public final class TestData {

  /** Mobile numbers 010-7nnn-nnnn: no number written out in a test starts with 010-7. */
  private static final int FIRST_PHONE = 70_000_000;
  private static final int PHONES = 10_000_000;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestData() {}

  /** The next number of this JVM's sequence, from 1. */
  public static int next() {
    int n = SEQUENCE.incrementAndGet();
    if (n >= PHONES) {
      throw new IllegalStateException("TestData ran out of numbers at " + n);
    }
    return n;
  }

  /** {@code prefix-0042}: an idempotency key, channel reference, product code or business key. */
  public static String unique(String prefix) {
    return String.format("%s-%04d", prefix, next());
  }

  /** A Korean mobile number that intake accepts ({@code IdentityKind.PHONE}), e.g. {@code 010-7000-0042}. */
  public static String phone() {
    String digits = Integer.toString(FIRST_PHONE + next());
    return "010-" + digits.substring(0, 4) + "-" + digits.substring(4);
  }

  /** An e-mail address that intake accepts ({@code IdentityKind.EMAIL}), e.g. {@code outbox-0042@example.kr}. */
  public static String email(String localPart) {
    return unique(localPart) + "@example.kr";
  }

  /**
   * An offer's lines as the offer forms submit them: remedy and amount pairs, e.g. {@code offer("EXCHANGE", 35000,
   * "TREATMENT_COSTS", 130000)}; a goods line (exchange, re-sourcing, gift) says what is sent.
   */
  public static JsonValue offer(Object... remedyAndAmount) {
    List<Object> triples = new ArrayList<>();
    for (int i = 0; i < remedyAndAmount.length; i += 2) {
      Remedy remedy = Remedy.valueOf(String.valueOf(remedyAndAmount[i]));
      triples.addAll(Arrays.asList(remedy.name(), remedyAndAmount[i + 1], remedy.goods() ? remedy.label() + " 발송" : null));
    }
    return lines(triples.toArray());
  }

  /** An offer's lines with what each delivers: remedy, amount and description triples. */
  public static JsonValue lines(Object... remedyAmountDescription) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < remedyAmountDescription.length; i += 3) {
      Object description = remedyAmountDescription[i + 2];
      lines.add(new Line(Remedy.valueOf(String.valueOf(remedyAmountDescription[i])),
          ((Number) remedyAmountDescription[i + 1]).longValue(), description == null ? null : description.toString(), null));
    }
    return OfferLines.value(lines);
  }
}
