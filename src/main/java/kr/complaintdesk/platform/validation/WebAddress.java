package kr.complaintdesk.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** The address of a web page (a public post): {@code http://} or {@code https://}, no white space. */
@Documented
@Constraint(validatedBy = WebAddress.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface WebAddress {

  int MAX = 500;

  String message() default "{complaintdesk.webAddress}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check extends TextRule<WebAddress> {

    private static final Pattern URL = Pattern.compile("^https?://\\S+$");

    @Override
    protected int max(WebAddress address) {
      return MAX;
    }

    @Override
    protected boolean accepts(String text, ConstraintValidatorContext context) {
      return URL.matcher(text).matches() || Rule.refuse(context, "{complaintdesk.webAddress}");
    }
  }
}
