package kr.complaintdesk.triage;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static kr.complaintdesk.casefile.CaseVariables.HARM;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.platform.validation.Rule;

/**
 * A correction that keeps a bodily-harm category ({@link Category#isHarm()}) says there is harm: triage reads the
 * two together, and "an injury without harm" would make it answer for a case that does not exist.
 */
@Documented
@Constraint(validatedBy = HarmFitsCategory.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface HarmFitsCategory {

  String message() default "{complaintdesk.classification.harmOfCategory}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<HarmFitsCategory, ClassificationController.Classification> {

    @Override
    public boolean isValid(ClassificationController.Classification correction, ConstraintValidatorContext context) {
      Category category = correction.categoryValue();
      return category == null || !category.isHarm() || !Boolean.FALSE.equals(correction.harm())
          || Rule.refuseField(context, HARM, "{complaintdesk.classification.harmOfCategory}");
    }
  }
}
