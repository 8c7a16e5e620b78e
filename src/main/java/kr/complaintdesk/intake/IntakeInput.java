package kr.complaintdesk.intake;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.Channel;
import kr.complaintdesk.casefile.Remedy;
import kr.complaintdesk.customer.IdentityKind;
import kr.complaintdesk.platform.validation.Amount;
import kr.complaintdesk.platform.validation.Code;
import kr.complaintdesk.platform.validation.IsoDate;
import kr.complaintdesk.platform.validation.Region;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.validation.TrueOrFalse;
import kr.complaintdesk.platform.validation.WebAddress;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What intake delivers to a new case, as the case's variables hold it, and the rules it must follow: the one
 * definition of each intake rule, for starts from the case API and from the Tasklist start form alike. Each
 * field is named as its variable, so a refusal names the variable (the API shows it as its request field).
 * Values are kept as they came (any type), so that a wrong type is refused by name too.
 */
@IntakeRules
record IntakeInput(
    @Required @Code(Channel.class) Object channel,
    @Required @Code(Category.class) Object category,
    @Required @Text(max = 50) Object customerName,
    @Identity(value = IdentityKind.PHONE, max = 20) Object customerPhone,
    @Identity(value = IdentityKind.EMAIL, max = 254) Object customerEmail,
    @Identity(value = IdentityKind.SNS, max = 100) Object customerSnsHandle,
    @Required @Region Object region,
    @Text(max = 40) Object productCode,
    @Text(max = 40) Object productLot,
    @Text(max = 40) Object orderNo,
    @Text(max = 100) Object productName,
    @Required @Text(max = 4000) Object description,
    @Text(max = 2000) Object evidenceNotes,
    @Code(Remedy.class) Object remedySought,
    @WebAddress Object publicPostUrl,
    @IsoDate(future = false) Object occurredOn,
    @IsoDate Object agencyReplyDue,
    @IsoDate(future = false) Object adverseEventKnownOn,
    @Text(max = 200) Object externalRef,
    @Text(max = 200) Object idempotencyKey,
    @Amount Object orderValue,
    @TrueOrFalse Object externalThreat) {

  static IntakeInput of(VariableScope variables) {
    return new IntakeInput(variables.getVariable(CHANNEL), variables.getVariable(CATEGORY),
        variables.getVariable(CUSTOMER_NAME), variables.getVariable(CUSTOMER_PHONE), variables.getVariable(CUSTOMER_EMAIL),
        variables.getVariable(CUSTOMER_SNS_HANDLE), variables.getVariable(REGION), variables.getVariable(PRODUCT_CODE),
        variables.getVariable(PRODUCT_LOT), variables.getVariable(ORDER_NO), variables.getVariable(PRODUCT_NAME),
        variables.getVariable(DESCRIPTION), variables.getVariable(EVIDENCE_NOTES), variables.getVariable(REMEDY_SOUGHT),
        variables.getVariable(PUBLIC_POST_URL), variables.getVariable(OCCURRED_ON), variables.getVariable(AGENCY_REPLY_DUE),
        variables.getVariable(ADVERSE_EVENT_KNOWN_ON),
        variables.getVariable(EXTERNAL_REF), variables.getVariable(IDEMPOTENCY_KEY), variables.getVariable(ORDER_VALUE),
        variables.getVariable(EXTERNAL_THREAT));
  }

  /**
   * After the input passed: what was checked is what is stored. A text is stored without surrounding white
   * space (a region {@code "busan "} would route the visit to nobody); an empty one, as forms submit it, is
   * removed, which keeps later forms' conditions simple.
   */
  static void storeStripped(VariableScope variables) {
    for (RecordComponent field : IntakeInput.class.getRecordComponents()) {
      if (variables.getVariable(field.getName()) instanceof String text) {
        if (text.isBlank()) {
          variables.removeVariable(field.getName());
        } else if (!text.strip().equals(text)) {
          variables.setVariable(field.getName(), text.strip());
        }
      }
    }
  }

  Channel channelValue() {
    return Code.Check.of(channel, Channel.class);
  }

  Category categoryValue() {
    return Code.Check.of(category, Category.class);
  }

  LocalDate occurredOnValue() {
    return IsoDate.Check.of(occurredOn);
  }

  LocalDate adverseEventKnownOnValue() {
    return IsoDate.Check.of(adverseEventKnownOn);
  }

  LocalDate agencyReplyDueValue() {
    return IsoDate.Check.of(agencyReplyDue);
  }

  /** A text field as stored: without surrounding white space, null when empty. */
  static String text(Object value) {
    return absent(value) ? null : value.toString().strip();
  }

  /** Not given: null, or an empty text as forms submit it. */
  static boolean absent(Object value) {
    return value == null || value instanceof String s && s.isBlank();
  }
}
