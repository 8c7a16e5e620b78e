package kr.complaintdesk.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import kr.complaintdesk.ComplaintDeskProperties;

/** The code of a regional division this installation has ({@code complaints.regions}). */
@Documented
@Constraint(validatedBy = Region.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Region {

  int MAX = 30;

  String message() default "{complaintdesk.region.unknown}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Made by Spring's validator factory, which hands it the configured regions. */
  class Check extends TextRule<Region> {

    private final List<String> regions;

    public Check(ComplaintDeskProperties properties) {
      this.regions = properties.regions();
    }

    @Override
    protected int max(Region region) {
      return MAX;
    }

    @Override
    protected boolean accepts(String text, ConstraintValidatorContext context) {
      return regions.contains(text)
          || Rule.refuse(context, "{complaintdesk.region.unknown}", "allowed", String.join(", ", regions));
    }
  }
}
