package kr.complaintdesk.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import kr.complaintdesk.platform.calendar.EngineClock;

/** A real day written {@code YYYY-MM-DD}, read by {@link EngineClock#parseDate}; not after today unless {@link #future}. */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface IsoDate {

  int MAX = 10;

  /** Whether a day after today (in Korea, by the engine's clock) is accepted. */
  boolean future() default true;

  String message() default "{complaintdesk.date.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check extends TextRule<IsoDate> {

    private boolean future;

    @Override
    public void initialize(IsoDate date) {
      super.initialize(date);
      future = date.future();
    }

    @Override
    protected int max(IsoDate date) {
      return MAX;
    }

    @Override
    protected boolean accepts(String text, ConstraintValidatorContext context) {
      LocalDate date = EngineClock.parseDate(text).orElse(null);
      if (date == null) {
        return Rule.refuse(context, "{complaintdesk.date.invalid}");
      }
      return future || !date.isAfter(EngineClock.today()) || Rule.refuse(context, "{complaintdesk.date.future}");
    }

    /** The day {@code value} names when it is a date of this rule's form, else null. */
    public static LocalDate of(Object value) {
      String text = Text.Check.stripped(value, MAX);
      return text == null ? null : EngineClock.parseDate(text).orElse(null);
    }
  }
}
