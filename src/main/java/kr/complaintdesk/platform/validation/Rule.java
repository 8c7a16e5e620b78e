package kr.complaintdesk.platform.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** What the rules share: how a rule refuses with a reason of its own. */
public final class Rule {

  private Rule() {}

  /**
   * Refuses the value with {@code template} (a key of {@code ValidationMessages.properties}) instead of the
   * constraint's own message; {@code params} are name, value pairs for the template's placeholders. A value
   * is filled in as it is, never read as a placeholder or expression.
   */
  public static boolean refuse(ConstraintValidatorContext context, String template, Object... params) {
    violation(context, template, params).addConstraintViolation();
    return false;
  }

  /** As {@link #refuse}, for a rule over a whole record that names the field at fault. */
  public static boolean refuseField(ConstraintValidatorContext context, String field, String template,
      Object... params) {
    violation(context, template, params).addPropertyNode(field).addConstraintViolation();
    return false;
  }

  private static ConstraintValidatorContext.ConstraintViolationBuilder violation(ConstraintValidatorContext context,
      String template, Object... params) {
    HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
    for (int i = 0; i < params.length; i += 2) {
      hibernate.addMessageParameter((String) params[i], params[i + 1]);
    }
    context.disableDefaultConstraintViolation();
    return context.buildConstraintViolationWithTemplate(template);
  }
}
