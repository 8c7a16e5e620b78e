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

/**
 * Present: not null and, for a text, not blank ({@link String#isBlank()}: forms send {@code ""} for an
 * empty field). Unlike {@code @NotBlank} it takes values of any type, as process variables come.
 */
@Documented
@Constraint(validatedBy = Required.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Required {

  String message() default "{complaintdesk.required}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Required, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return value != null && !(value instanceof String s && s.isBlank());
    }
  }
}
