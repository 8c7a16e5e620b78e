package kr.complaintdesk.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A free text: a string of at most {@link #max} characters without control characters. Absent or blank
 * passes (see {@link Required}). Every other rule of this package applies it first, so a value gets one
 * reason at most.
 */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Text {

  int max();

  String message() default "{complaintdesk.text.tooLong}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Text, Object> {

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private int max;

    @Override
    public void initialize(Text text) {
      max = text.max();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return passes(value, max, context);
    }

    /** Whether {@code value} is a text of this rule; if not, says why in {@code context}. */
    static boolean passes(Object value, int max, ConstraintValidatorContext context) {
      String problem = problem(value, max);
      return problem == null
          || Rule.refuse(context, problem, "max", max, "length", value instanceof String s ? s.length() : 0);
    }

    /**
     * The text without surrounding white space when {@code value} passes this rule, else null (also when it is
     * absent or blank): what a rule that builds on this one checks.
     */
    public static String stripped(Object value, int max) {
      return value instanceof String s && !s.isBlank() && problem(value, max) == null ? s.strip() : null;
    }

    private static String problem(Object value, int max) {
      if (value == null || value instanceof String s && s.isBlank()) {
        return null;
      }
      if (!(value instanceof String s)) {
        return "{complaintdesk.text.notText}";
      }
      if (s.length() > max) {
        return "{complaintdesk.text.tooLong}";
      }
      return CONTROL_CHARACTERS.matcher(s).find() ? "{complaintdesk.text.control}" : null;
    }
  }
}
