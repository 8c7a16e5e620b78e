package kr.complaintdesk.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;

/**
 * A rule on a text that first must pass {@link Text} with the rule's {@code max}; what the rule itself checks
 * is the text without surrounding white space, which is also what intake stores. Rules that need a kernel's
 * knowledge extend it where that knowledge is ({@code intake.Identity}).
 */
public abstract class TextRule<A extends Annotation> implements ConstraintValidator<A, Object> {

  private int max;

  /** The longest text this rule reads, from its annotation. */
  protected abstract int max(A annotation);

  /** Whether the present, stripped {@code text} follows the rule; if not, says why in {@code context}. */
  protected abstract boolean accepts(String text, ConstraintValidatorContext context);

  @Override
  public void initialize(A annotation) {
    max = max(annotation);
  }

  @Override
  public final boolean isValid(Object value, ConstraintValidatorContext context) {
    if (!Text.Check.passes(value, max, context)) {
      return false;
    }
    String text = Text.Check.stripped(value, max);
    return text == null || accepts(text, context);
  }
}
