package kr.complaintdesk.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import kr.complaintdesk.customer.IdentityKind;
import kr.complaintdesk.platform.validation.Rule;
import kr.complaintdesk.platform.validation.TextRule;

/**
 * A way to reach the customer that {@link IdentityKind#normalise} accepts: a Korean phone number, an e-mail
 * address or an SNS handle. The message says which, from {@code complaintdesk.identity.<KIND>}.
 */
@Documented
@Constraint(validatedBy = Identity.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
@interface Identity {

  IdentityKind value();

  int max();

  String message() default "{complaintdesk.identity}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check extends TextRule<Identity> {

    private IdentityKind kind;

    @Override
    public void initialize(Identity identity) {
      super.initialize(identity);
      kind = identity.value();
    }

    @Override
    protected int max(Identity identity) {
      return identity.max();
    }

    @Override
    protected boolean accepts(String text, ConstraintValidatorContext context) {
      return kind.normalise(text).isPresent() || Rule.refuse(context, "{complaintdesk.identity." + kind.name() + "}");
    }
  }
}
