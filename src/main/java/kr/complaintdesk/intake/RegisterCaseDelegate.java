package kr.complaintdesk.intake;

import static kr.complaintdesk.process.CaseVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import kr.complaintdesk.ComplaintDeskProperties;
import kr.complaintdesk.agency.AgencyReplyDeadline;
import kr.complaintdesk.customer.CustomerDirectory;
import kr.complaintdesk.customer.CustomerDirectory.Identity;
import kr.complaintdesk.customer.IdentityKind;
import kr.complaintdesk.intake.CaseInputException.FieldError;
import kr.complaintdesk.process.EngineClock;
import kr.complaintdesk.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import kr.complaintdesk.resolution.Remedy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of every case: checks what intake delivered, gives the case its number and makes that
 * number the business key. A rejected intake throws, so the start is rolled back and nothing is kept.
 */
@Component("registerCase")
public class RegisterCaseDelegate implements JavaDelegate {

  public static final Pattern URL = Pattern.compile("^https?://\\S+$");
  public static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Logger LOG = LoggerFactory.getLogger(RegisterCaseDelegate.class);

  private final CaseNumberGenerator caseNumbers;
  private final ComplaintDeskProperties properties;
  private final CustomerDirectory customers;
  private final CaseRecords cases;
  private final Timeline timeline;
  private final AgencyReplyDeadline agencyReply;

  public RegisterCaseDelegate(CaseNumberGenerator caseNumbers, ComplaintDeskProperties properties,
      CustomerDirectory customers, CaseRecords cases, Timeline timeline, AgencyReplyDeadline agencyReply) {
    this.agencyReply = agencyReply;
    this.caseNumbers = caseNumbers;
    this.properties = properties;
    this.customers = customers;
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldError> errors = new ArrayList<>();
    Input in = new Input(execution, errors);

    Channel channel = in.enumValue(CHANNEL, Channel.class, true);
    Category category = in.enumValue(CATEGORY, Category.class, true);
    in.text(CUSTOMER_NAME, 50, true);
    String phone = in.text(CUSTOMER_PHONE, 20, false);
    String email = in.text(CUSTOMER_EMAIL, 254, false);
    String sns = in.text(CUSTOMER_SNS_HANDLE, 100, false);
    if (phone == null && email == null && sns == null) {
      errors.add(new FieldError(CUSTOMER_PHONE, "휴대전화, 이메일, SNS 계정 중 하나는 있어야 합니다"));
    }
    in.valid(CUSTOMER_PHONE, phone, IdentityKind.PHONE, "전화번호 형식이 아닙니다 (예: 010-1234-5678)");
    in.valid(CUSTOMER_EMAIL, email, IdentityKind.EMAIL, "이메일 주소 형식이 아닙니다");
    in.valid(CUSTOMER_SNS_HANDLE, sns, IdentityKind.SNS, "SNS 계정은 영문, 숫자, . _ - 만 쓸 수 있습니다");
    String region = in.text(REGION, 30, true);
    if (region != null && !properties.regions().contains(region)) {
      errors.add(new FieldError(REGION, "알 수 없는 지역입니다 (허용: " + String.join(", ", properties.regions()) + ")"));
    }
    for (String name : List.of(PRODUCT_CODE, PRODUCT_LOT, ORDER_NO)) {
      in.text(name, 40, false);
    }
    in.text(PRODUCT_NAME, 100, false);
    in.text(DESCRIPTION, 4000, true);
    in.text(EVIDENCE_NOTES, 2000, false);
    in.enumValue(REMEDY_SOUGHT, Remedy.class, false);
    in.matches(PUBLIC_POST_URL, in.text(PUBLIC_POST_URL, 500, false), URL, "http:// 또는 https:// 로 시작하는 주소여야 합니다");
    LocalDate occurredOn = in.date(OCCURRED_ON);
    if (occurredOn != null && occurredOn.isAfter(EngineClock.today())) {
      errors.add(new FieldError(OCCURRED_ON, "미래의 날짜일 수 없습니다"));
    }
    LocalDate agencyReplyDue = in.date(AGENCY_REPLY_DUE);
    if (channel == Channel.CONSUMER_AGENCY && agencyReplyDue == null && execution.getVariable(AGENCY_REPLY_DUE) == null) {
      errors.add(new FieldError(AGENCY_REPLY_DUE, "소비자기관 이관 사건에는 기관이 정한 회신 기한이 필요합니다"));
    } else if (channel != null && channel != Channel.CONSUMER_AGENCY && agencyReplyDue != null) {
      errors.add(new FieldError(AGENCY_REPLY_DUE, "소비자기관 이관(CONSUMER_AGENCY) 사건에만 입력합니다"));
    } else if (agencyReplyDue != null && agencyReply.problem(agencyReplyDue, true) != null) {
      errors.add(new FieldError(AGENCY_REPLY_DUE, agencyReply.problem(agencyReplyDue, true)));
    }
    String externalRef = in.text(EXTERNAL_REF, 200, false);
    String idempotencyKey = in.text(IDEMPOTENCY_KEY, 200, false);
    Object orderValue = execution.getVariable(ORDER_VALUE);
    if (orderValue != null && (!(orderValue instanceof Number amount) || amount.doubleValue() < 0
        || amount.doubleValue() > 1_000_000_000)) {
      errors.add(new FieldError(ORDER_VALUE, "0원 이상 10억 원 이하의 금액이어야 합니다"));
    }
    Object threat = execution.getVariable(EXTERNAL_THREAT);
    if (threat != null && !(threat instanceof Boolean)) {
      errors.add(new FieldError(EXTERNAL_THREAT, "참/거짓 값이어야 합니다"));
    }
    if (!errors.isEmpty()) {
      throw new CaseInputException(errors);
    }

    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = caseNumbers.next();
      execution.setVariable(CASE_NUMBER, caseNumber);
    }
    execution.setProcessBusinessKey(caseNumber);
    String customerId = customers.resolve((String) execution.getVariable(CUSTOMER_NAME), region, List.of(
        new Identity(IdentityKind.PHONE, phone), new Identity(IdentityKind.EMAIL, email), new Identity(IdentityKind.SNS, sns)));
    if (category == Category.UNWANTED_CONTACT) {
      // The customer asked not to be contacted: that now holds for every identity we know of them.
      customers.optOut(customerId);
    }
    execution.setVariable(CUSTOMER_ID, customerId);
    cases.insert(caseNumber, customerId, channel.name(), externalRef, idempotencyKey, category.name());
    Object submittedBy = execution.getVariable(IntakeService.SUBMITTED_BY);
    timeline.record(caseNumber, Timeline.Kind.INTAKE, submittedBy != null ? submittedBy.toString() : CurrentUser.of(execution),
        "불만 접수 (" + channel + ", " + category + ")", externalRef == null ? null : "externalRef=" + externalRef);
    execution.setVariable(HARM, category.isHarm());
    execution.setVariable(EXTERNAL_THREAT, Boolean.TRUE.equals(threat));
    execution.setVariable(VISIT_CONSENT, false);
    if (agencyReplyDue != null) {
      agencyReply.apply(execution, agencyReplyDue);
    } else {
      execution.setVariable(AGENCY_REPLY_DEADLINE, null);
    }
    LOG.info("Registered case {} ({}, {})", caseNumber, category, execution.getVariable(CHANNEL));
  }

  /** Reads and checks intake variables, collecting every problem instead of stopping at the first. */
  private record Input(DelegateExecution execution, List<FieldError> errors) {

    String text(String name, int maxLength, boolean required) {
      Object value = execution.getVariable(name);
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (required) {
          errors.add(new FieldError(name, "필수 항목입니다"));
        } else if (value != null) {
          // Forms submit empty text fields as ""; an absent value keeps later forms' conditions simple.
          execution.removeVariable(name);
        }
        return null;
      }
      if (!(value instanceof String s)) {
        errors.add(new FieldError(name, "문자열이어야 합니다"));
        return null;
      }
      if (s.length() > maxLength) {
        errors.add(new FieldError(name, maxLength + "자를 넘을 수 없습니다 (" + s.length() + "자)"));
        return null;
      }
      if (CONTROL_CHARACTERS.matcher(s).find()) {
        errors.add(new FieldError(name, "제어 문자를 쓸 수 없습니다"));
        return null;
      }
      String trimmed = s.strip();
      if (!trimmed.equals(s)) {
        // What is checked is what is stored: a region "busan " would route the visit to nobody.
        execution.setVariable(name, trimmed);
      }
      return trimmed;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
      String value = text(name, 40, required);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(name, "알 수 없는 값 '" + value + "' (허용: "
            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")"));
        return null;
      }
    }

    void valid(String name, String value, IdentityKind kind, String reason) {
      if (value != null && kind.normalise(value).isEmpty()) {
        errors.add(new FieldError(name, reason));
      }
    }

    void matches(String name, String value, Pattern pattern, String reason) {
      if (value != null && !pattern.matcher(value).matches()) {
        errors.add(new FieldError(name, reason));
      }
    }

    LocalDate date(String name) {
      String value = text(name, 10, false);
      if (value == null) {
        return null;
      }
      LocalDate date = EngineClock.parseDate(value).orElse(null);
      if (date == null) {
        errors.add(new FieldError(name, "없는 날짜이거나 YYYY-MM-DD 형식이 아닙니다"));
      }
      return date;
    }
  }
}
