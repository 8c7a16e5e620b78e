package kr.complaintdesk.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/** One of the names of an enumeration, exactly as written there ({@code WEB}, not {@code web}). */
@Documented
@Constraint(validatedBy = Code.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Code {

  /** The longest code read; no enumeration here has a longer name. */
  int MAX = 40;

  Class<? extends Enum<?>> value();

  String message() default "{complaintdesk.code.unknown}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check extends TextRule<Code> {

    private Class<? extends Enum<?>> type;

    @Override
    public void initialize(Code code) {
      super.initialize(code);
      type = code.value();
    }

    @Override
    protected int max(Code code) {
      return MAX;
    }

    @Override
    protected boolean accepts(String text, ConstraintValidatorContext context) {
      return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(text))
          || Rule.refuse(context, "{complaintdesk.code.unknown}", "given", text, "allowed",
              Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The constant {@code value} names when it passes this rule, else null. */
    public static <E extends Enum<E>> E of(Object value, Class<E> type) {
      String text = Text.Check.stripped(value, MAX);
      return text == null ? null
          : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst().orElse(null);
    }
  }
}
