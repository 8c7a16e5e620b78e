package kr.complaintdesk.customer;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/** The ways one person reaches us; each value is stored normalised, so one person is one identity. */
public enum IdentityKind {
  PHONE, EMAIL, SNS;

  /**
   * The normalised form, or empty when the value is not valid for this kind. Korean phone numbers
   * in any usual writing ({@code 010-1234-5678}, {@code +82 10 1234 5678}, {@code 01012345678})
   * become the domestic digits {@code 01012345678}.
   */
  public Optional<String> normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String value = raw.trim();
    return switch (this) {
      case PHONE -> phone(value);
      case EMAIL -> email(value);
      case SNS -> {
        String handle = value.startsWith("@") ? value.substring(1) : value;
        yield handle.matches("^[A-Za-z0-9._-]{1,100}$") ? Optional.of(handle.toLowerCase(Locale.ROOT)) : Optional.empty();
      }
    };
  }

  /** One address a mail server accepts (RFC 822 strict), not a list and not a display name. */
  private static Optional<String> email(String value) {
    if (!value.matches("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$")) {
      return Optional.empty();
    }
    try {
      new InternetAddress(value, true).validate();
      return Optional.of(value.toLowerCase(Locale.ROOT));
    } catch (AddressException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> phone(String value) {
    if (!value.matches("^\\+?[0-9 ()-]+$")) {
      return Optional.empty();
    }
    String digits = value.replaceAll("[^0-9]", "");
    if (value.startsWith("+")) {
      if (!digits.startsWith("82")) {
        return Optional.empty();
      }
      digits = digits.substring(2);
      if (!digits.startsWith("0")) {
        digits = "0" + digits;
      }
    }
    // Mobile 01x-xxx(x)-xxxx, Seoul 02-xxx(x)-xxxx, other areas 0xx-xxx(x)-xxxx, 070 and 1588-style numbers.
    boolean valid = digits.matches("^01[016789][0-9]{7,8}$")
        || digits.matches("^02[0-9]{7,8}$")
        || digits.matches("^0[3-7][0-9][0-9]{7,8}$")
        || digits.matches("^1[5-9][0-9]{6}$");
    return valid ? Optional.of(digits) : Optional.empty();
  }
}
