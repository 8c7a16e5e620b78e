package kr.complaintdesk.intake;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static kr.complaintdesk.casefile.CaseVariables.ADVERSE_EVENT_KNOWN_ON;
import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_DUE;
import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_PHONE;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.stream.Stream;
import kr.complaintdesk.casefile.AdverseEventAwareness;
import kr.complaintdesk.casefile.AgencyReplyDeadline;
import kr.complaintdesk.casefile.Channel;
import kr.complaintdesk.platform.validation.Rule;

/**
 * The intake rules that look at more than one field: the customer can be reached (a phone number, an e-mail
 * address or an SNS handle), and a consumer-agency transfer, and only that, carries the agency's reply date,
 * within the range {@link AgencyReplyDeadline} allows; the day an adverse event became known is not before the day
 * the problem occurred ({@link AdverseEventAwareness}). Each refusal names the field to correct.
 */
@Documented
@Constraint(validatedBy = IntakeRules.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface IntakeRules {

  String message() default "{complaintdesk.intake.reachable}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Made by Spring's validator factory, which hands it the agency deadline rules. */
  class Check implements ConstraintValidator<IntakeRules, IntakeInput> {

    private final AgencyReplyDeadline agencyReply;

    public Check(AgencyReplyDeadline agencyReply) {
      this.agencyReply = agencyReply;
    }

    @Override
    public boolean isValid(IntakeInput in, ConstraintValidatorContext context) {
      boolean valid = true;
      if (Stream.of(in.customerPhone(), in.customerEmail(), in.customerSnsHandle()).allMatch(IntakeInput::absent)) {
        valid = Rule.refuseField(context, CUSTOMER_PHONE, "{complaintdesk.intake.reachable}");
      }
      Channel channel = in.channelValue();
      LocalDate due = in.agencyReplyDueValue();
      String tooFar = due == null ? null : agencyReply.problem(due, true);
      if (channel == Channel.CONSUMER_AGENCY && IntakeInput.absent(in.agencyReplyDue())) {
        valid = Rule.refuseField(context, AGENCY_REPLY_DUE, "{complaintdesk.intake.agencyReplyDueNeeded}");
      } else if (channel != null && channel != Channel.CONSUMER_AGENCY && due != null) {
        valid = Rule.refuseField(context, AGENCY_REPLY_DUE, "{complaintdesk.intake.agencyReplyDueOnlyForAgency}");
      } else if (tooFar != null) {
        valid = Rule.refuseField(context, AGENCY_REPLY_DUE, "{reason}", "reason", tooFar);
      }
      LocalDate knownOn = in.adverseEventKnownOnValue();
      LocalDate occurredOn = in.occurredOnValue();
      // A day in the future is refused by the field's own rule; here only what needs the occurrence date.
      if (knownOn != null && occurredOn != null && knownOn.isBefore(occurredOn)) {
        valid = Rule.refuseField(context, ADVERSE_EVENT_KNOWN_ON, "{reason}", "reason",
            AdverseEventAwareness.problem(knownOn, occurredOn));
      }
      return valid;
    }
  }
}
