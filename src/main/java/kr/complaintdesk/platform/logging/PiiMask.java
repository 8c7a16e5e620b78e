package kr.complaintdesk.platform.logging;

import java.util.regex.Pattern;

/**
 * Masks what could identify a customer in log text: e-mail addresses and Korean phone numbers in any
 * writing. A last line of defence: code logs case numbers, never contact details, but exception
 * messages of libraries (a database's duplicate-key message, a mail server's refusal) can carry them.
 */
final class PiiMask {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("(?<![0-9])(\\+82[ -]?0?|0)1[016789][ -]?[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])"
      + "|(?<![0-9])(\\+82[ -]?0?|0)(2|[3-6][1-5])[ -]?[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])");

  private PiiMask() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = EMAIL.matcher(text).replaceAll("[email]");
    return PHONE.matcher(masked).replaceAll("[phone]");
  }
}
