package kr.complaintdesk.notification;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.*;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMTP e-mail adapter against a real SMTP server (GreenMail) started by the test. A context of its
 * own (SMTP enabled, its own in-memory database), so the shared {@link ProcessTest} context is untouched.
 */
@ProcessTest
class SmtpMessengerTest {

  static final String ACKNOWLEDGEMENT = "ServiceTask_SendAcknowledgement";
  static final String FROM = "cs@complaintdesk.example";

  @RegisterExtension
  static GreenMailExtension smtpServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("complaints.messaging.smtp.enabled", () -> "true");
    registry.add("complaints.messaging.from", () -> FROM);
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> smtpServer.getSmtp().getPort());
  }

  @Autowired ProcessEngine processEngine;
  @Autowired JdbcTemplate jdbc;
  @Autowired CustomerMessenger messenger;
  @Autowired CustomerMessages customerMessages;
  @Autowired Timeline timeline;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    init(processEngine);
    driver = new CaseDriver(processEngine);
  }

  @Test
  void theSmtpAdapterIsTheMessengerWhenEnabled() {
    assertThat(messenger).isInstanceOf(SmtpMessenger.class);
  }

  @Test
  void customerWithAnEmailAddressGetsExactlyOneKoreanAcknowledgementMail() throws Exception {
    String email = TestData.email("smtp");
    ProcessInstance pi = driver.startCase(onlyByEmail(intake("PRODUCT_DEFECT", "seoul"), email));
    String caseNumber = pi.getBusinessKey();
    String reference = caseNumber + ":" + ACKNOWLEDGEMENT;

    driver.executeJobs(pi);

    assertThat(pi).hasPassed(ACKNOWLEDGEMENT);
    await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() == 1);
    MimeMessage mail = mailsTo(email).get(0);
    assertThat(mail.getRecipients(RecipientType.TO)).extracting(Address::toString).containsExactly(email);
    assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(FROM);
    assertThat(mail.getSubject())
        .isEqualTo("[고객센터] 불만이 접수되었습니다 (사건 번호 " + caseNumber + ")")
        .isEqualTo(MessageTemplate.ACKNOWLEDGEMENT.subject(caseNumber));
    assertThat(mail.getHeader("Subject")[0]).as("Korean subject is MIME-encoded as UTF-8").startsWithIgnoringCase("=?UTF-8?");
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(mail.getContent()).isInstanceOf(String.class);
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .contains("고객님, 불편을 드려 진심으로 죄송합니다.")
        .contains("사건 번호 " + caseNumber + "(으)로 접수되었습니다")
        .isEqualToIgnoringWhitespace(MessageTemplate.ACKNOWLEDGEMENT.body(caseNumber));
    assertThat(mail.getMessageID()).as("Message-ID derived from the reference")
        .isEqualTo("<" + caseNumber + ":ServiceTask-SendAcknowledgement@complaint-desk>");

    // The outbox knows the reference: asking again sends nothing.
    assertThat(customerMessages.send(reference, caseNumber, MessageTemplate.ACKNOWLEDGEMENT)).isFalse();
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(jdbc.queryForMap("SELECT channel, recipient FROM outbound_message WHERE reference = ?", reference))
        .containsEntry("CHANNEL", "EMAIL").containsEntry("RECIPIENT", email);
    assertThat(messageEntries(caseNumber)).extracting(Timeline.Entry::summary)
        .containsExactly("고객 안내 발송 (EMAIL): " + MessageTemplate.ACKNOWLEDGEMENT.subject(caseNumber));
  }

  @Test
  void customerWithoutAnEmailAddressGetsNoMailAndTheMessageIsRecordedOnly() throws Exception {
    ProcessInstance pi = driver.startCase(intake("DELIVERY_DELAY", "busan").putValue("customerPhone", "010-3141-5926"));
    String caseNumber = pi.getBusinessKey();
    String reference = caseNumber + ":" + ACKNOWLEDGEMENT;
    int mailsBefore = smtpServer.getReceivedMessages().length;

    driver.executeJobs(pi);

    assertThat(pi).hasPassed(ACKNOWLEDGEMENT);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    // JavaMailSender delivers synchronously: a mail would have arrived before the job committed.
    assertThat(smtpServer.getReceivedMessages()).hasSize(mailsBefore);
    assertThat(Arrays.stream(smtpServer.getReceivedMessages()).map(SmtpMessengerTest::subject))
        .noneMatch(subject -> subject.contains(caseNumber));
    Map<String, Object> row = jdbc.queryForMap("SELECT channel, recipient FROM outbound_message WHERE reference = ?", reference);
    assertThat(row).containsEntry("CHANNEL", "SMS").containsEntry("RECIPIENT", "01031415926");
    assertThat(messageEntries(caseNumber)).hasSize(1);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void unreachableMailServerBecomesAnIncidentWithoutTheAddressInTheLog(CapturedOutput output) throws Exception {
    String email = TestData.email("unreachable");
    ProcessInstance pi = driver.startCase(onlyByEmail(intake("PRODUCT_DEFECT", "seoul"), email));
    String jobId = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(ACKNOWLEDGEMENT).singleResult().getId();
    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("localhost");
    unreachable.setPort(1);
    Object working = ReflectionTestUtils.getField(messenger, "mailSender");
    ReflectionTestUtils.setField(messenger, "mailSender", unreachable);
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThatThrownBy(() -> processEngine.getManagementService().executeJob(jobId))
            .hasMessageContaining("E-mail for customer message " + pi.getBusinessKey() + ":" + ACKNOWLEDGEMENT + " failed");
      }
    } finally {
      ReflectionTestUtils.setField(messenger, "mailSender", working);
    }

    var incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(ACKNOWLEDGEMENT);
    assertThat(incident.getIncidentMessage()).doesNotContain(email);
    assertThat(mailsTo(email)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_message WHERE case_number = ?", Integer.class,
        pi.getBusinessKey())).isZero();
    assertThat(output.getAll()).doesNotContain(email);
  }

  @Test
  void anAddressTheMailServerWouldRefuseIsRejectedAtIntake() {
    String email = "refused.." + TestData.email("twice");

    assertThatThrownBy(() -> driver.startCase(onlyByEmail(intake("PRODUCT_DEFECT", "seoul"), email)))
        .isInstanceOf(kr.complaintdesk.intake.CaseInputException.class)
        .hasMessageContaining("고객 이메일: 이메일 주소 형식이 아닙니다");
  }

  /** A customer known only by this address: CaseDriver's default phone would make all these cases one customer. */
  private static VariableMap onlyByEmail(VariableMap intake, String email) {
    intake.remove("customerPhone");
    return intake.putValue("customerEmail", email);
  }

  private List<MimeMessage> mailsTo(String email) throws MessagingException {
    return Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> isTo(m, email)).toList();
  }

  private static boolean isTo(MimeMessage message, String email) {
    try {
      Address[] to = message.getAllRecipients();
      return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Timeline.Entry> messageEntries(String caseNumber) {
    return timeline.of(caseNumber).stream().filter(e -> e.kind() == Timeline.Kind.MESSAGE).toList();
  }
}
