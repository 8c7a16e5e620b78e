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

/** An amount in won, from 0 to 1,000,000,000 (10억 원); absent passes. Any number type, as forms send it. */
@Documented
@Constraint(validatedBy = Amount.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Amount {

  String message() default "{complaintdesk.amount}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<Amount, Object> {

    private static final double MAX = 1_000_000_000;

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return value == null || value instanceof Number amount && !(amount.doubleValue() < 0 || amount.doubleValue() > MAX);
    }
  }
}
