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

/** A yes/no value: a {@link Boolean}, not a text that reads like one; absent passes. */
@Documented
@Constraint(validatedBy = TrueOrFalse.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface TrueOrFalse {

  String message() default "{complaintdesk.trueOrFalse}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<TrueOrFalse, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return value == null || value instanceof Boolean;
    }
  }
}
