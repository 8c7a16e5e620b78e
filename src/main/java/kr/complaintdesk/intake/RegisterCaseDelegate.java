package kr.complaintdesk.intake;

import static kr.complaintdesk.casefile.CaseVariables.*;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import kr.complaintdesk.casefile.AgencyReplyDeadline;
import kr.complaintdesk.casefile.CaseNumberGenerator;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.Channel;
import kr.complaintdesk.customer.CustomerDirectory.Identity;
import kr.complaintdesk.customer.CustomerDirectory;
import kr.complaintdesk.customer.IdentityKind;
import kr.complaintdesk.intake.CaseInputException.FieldError;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.platform.validation.Violations;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of every case: checks what intake delivered against the rules of {@link IntakeInput} (whether
 * it came through the case API or the Tasklist start form), gives the case its number and makes that number
 * the business key. A rejected intake throws, so the start is rolled back and nothing is kept.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterCaseDelegate.class);

  private final Validator validator;
  private final CaseNumberGenerator caseNumbers;
  private final CustomerDirectory customers;
  private final CaseRecords cases;
  private final Timeline timeline;
  private final AgencyReplyDeadline agencyReply;

  public RegisterCaseDelegate(Validator validator, CaseNumberGenerator caseNumbers, CustomerDirectory customers,
      CaseRecords cases, Timeline timeline, AgencyReplyDeadline agencyReply) {
    this.validator = validator;
    this.caseNumbers = caseNumbers;
    this.customers = customers;
    this.cases = cases;
    this.timeline = timeline;
    this.agencyReply = agencyReply;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakeInput in = IntakeInput.of(execution);
    List<FieldError> errors = Violations.inDeclaredOrder(validator.validate(in), FieldError::new);
    if (!errors.isEmpty()) {
      throw new CaseInputException(errors);
    }
    IntakeInput.storeStripped(execution);
    Channel channel = in.channelValue();
    Category category = in.categoryValue();
    String phone = IntakeInput.text(in.customerPhone());
    String email = IntakeInput.text(in.customerEmail());
    String sns = IntakeInput.text(in.customerSnsHandle());
    String region = IntakeInput.text(in.region());
    LocalDate agencyReplyDue = in.agencyReplyDueValue();
    String externalRef = IntakeInput.text(in.externalRef());
    String idempotencyKey = IntakeInput.text(in.idempotencyKey());

    String caseNumber = string(execution, CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = caseNumbers.next();
      execution.setVariable(CASE_NUMBER, caseNumber);
    }
    execution.setProcessBusinessKey(caseNumber);
    String customerId = customers.resolve(string(execution, CUSTOMER_NAME), region, List.of(
        new Identity(IdentityKind.PHONE, phone), new Identity(IdentityKind.EMAIL, email), new Identity(IdentityKind.SNS, sns)));
    if (category == Category.UNWANTED_CONTACT) {
      // The customer asked not to be contacted: that now holds for every identity we know of them.
      customers.optOut(customerId);
    }
    execution.setVariable(CUSTOMER_ID, customerId);
    cases.insert(caseNumber, customerId, channel.name(), externalRef, idempotencyKey, category.name());
    Object submittedBy = execution.getVariable(SUBMITTED_BY);
    timeline.record(caseNumber, Timeline.Kind.INTAKE, submittedBy != null ? submittedBy.toString() : CurrentUser.of(execution),
        "불만 접수 (" + FormLabels.option(CHANNEL, channel.name()) + ", " + FormLabels.option(CATEGORY, category.name()) + ")", externalRef == null ? null : "채널 참조 번호: " + externalRef);
    execution.setVariable(HARM, category.isHarm());
    execution.setVariable(EXTERNAL_THREAT, Boolean.TRUE.equals(in.externalThreat()));
    execution.setVariable(VISIT_CONSENT, false);
    if (IntakeInput.absent(in.adverseEventKnownOn())) {
      // Not asked or not known: the company learned of it when the case came in.
      execution.setVariable(ADVERSE_EVENT_KNOWN_ON, EngineClock.today().toString());
    }
    if (agencyReplyDue != null) {
      agencyReply.apply(execution, agencyReplyDue);
    } else {
      execution.setVariable(AGENCY_REPLY_DEADLINE, null);
    }
    LOG.info("Registered case {} ({}, {})", caseNumber, category, execution.getVariable(CHANNEL));
  }
}
