package kr.complaintdesk.notification;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.notification.CustomerMessenger.Channel;
import kr.complaintdesk.notification.CustomerMessenger.OutboundMessage;
import kr.complaintdesk.prevention.RequestPreventionDelegate;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.prevention.RootCause;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Customer messages go through an outbox: the acknowledgement is an asynchronous job with the R5/PT10M
 * retry cycle, a failing messenger becomes an incident, and a reference is sent exactly once.
 */
@ProcessTest
class CustomerMessageOutboxTest {

  static final String ACKNOWLEDGEMENT = "ServiceTask_SendAcknowledgement";
  static final String FAILURE = "문자·메일 게이트웨이 점검 중";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CustomerMessages customerMessages;
  @Autowired CustomerMessenger messenger;
  @Autowired SendCustomerMessageDelegate sendCustomerMessage;
  @Autowired Timeline timeline;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    init(processEngine);
    driver = new CaseDriver(processEngine);
  }

  @Test
  void failingMessengerBecomesAnIncidentOnTheAcknowledgementAndSendsExactlyOnceAfterRetry() {
    String email = TestData.email("outbox");
    ProcessInstance pi = driver.startCase(onlyByEmail(intake("PRODUCT_DEFECT", "seoul"), email));
    String caseNumber = pi.getBusinessKey();
    String reference = caseNumber + ":" + ACKNOWLEDGEMENT;
    assertThat(pi).isWaitingAt(ACKNOWLEDGEMENT);
    String jobId = acknowledgementJob(pi).getId();
    FlakyMessenger flaky = new FlakyMessenger(messenger);

    // Swapped on the existing bean and restored, so every test class keeps sharing one unchanged context.
    ReflectionTestUtils.setField(customerMessages, "messenger", flaky);
    try {
      int failures = 0;
      while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() > 0 && failures < 10) {
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining(FAILURE);
        failures++;
      }
      assertThat(failures).as("R5 retry cycle").isEqualTo(5);

      Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(incident).as("incident in Cockpit").isNotNull();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo(ACKNOWLEDGEMENT);
      assertThat(incident.getConfiguration()).isEqualTo(jobId);
      assertThat(incident.getIncidentMessage()).contains(FAILURE);
      assertThat(pi).isWaitingAt(ACKNOWLEDGEMENT);
      assertThat(outboxRows(reference)).isZero();
      assertThat(customerMessages.alreadySent(reference)).isFalse();
      assertThat(messageEntries(caseNumber)).as("nothing was sent, so the timeline says nothing").isEmpty();
      assertThat(flaky.delivered).isEmpty();

      flaky.failing = false;
      managementService.setJobRetries(jobId, 1);
      managementService.executeJob(jobId);
    } finally {
      ReflectionTestUtils.setField(customerMessages, "messenger", messenger);
    }

    assertThat(pi).hasPassed(ACKNOWLEDGEMENT).isWaitingAt("UserTask_FirstContact");
    assertThat(managementService.createJobQuery().jobId(jobId).count()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(flaky.attempts).as("every attempt carries the same idempotency key").hasSize(6).containsOnly(reference);
    assertThat(flaky.delivered).hasSize(1);
    OutboundMessage sent = flaky.delivered.get(0);
    assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
    assertThat(sent.recipient()).isEqualTo(email);
    assertThat(sent.template()).isEqualTo(MessageTemplate.ACKNOWLEDGEMENT);
    assertThat(sent.subject()).contains(caseNumber);
    assertThat(sent.body()).contains(caseNumber);

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM outbound_message WHERE reference = ?", reference);
    assertThat(row).containsEntry("CASE_NUMBER", caseNumber).containsEntry("TEMPLATE", "ACKNOWLEDGEMENT")
        .containsEntry("CHANNEL", "EMAIL").containsEntry("RECIPIENT", email);
    assertThat(row.get("SENT_AT")).isNotNull();
    assertThat(messageEntries(caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.summary()).contains("고객 안내 발송 (EMAIL)").contains(caseNumber);
      assertThat(entry.details()).isEqualTo("발송 기록 번호: " + reference);
    });
  }

  @Test
  void runningTheAcknowledgementAgainForTheSameReferenceDoesNotSendAgain() throws Exception {
    ProcessInstance pi = driver.startCase(intake("DELIVERY_DELAY", "daegu"));
    String caseNumber = pi.getBusinessKey();
    String reference = caseNumber + ":" + ACKNOWLEDGEMENT;
    FlakyMessenger counting = new FlakyMessenger(messenger);
    counting.failing = false;

    ReflectionTestUtils.setField(customerMessages, "messenger", counting);
    try {
      driver.executeJobs(pi);
      assertThat(counting.delivered).hasSize(1);

      // A job run again (e.g. after a crash between sending and committing, or restarted in Cockpit)
      // executes the delegate again with the same case and activity, hence the same reference.
      DelegateExecution again = mock(DelegateExecution.class);
      when(again.getVariable("caseNumber")).thenReturn(caseNumber);
      when(again.getVariable(CaseVariables.MESSAGE_TEMPLATE)).thenReturn("ACKNOWLEDGEMENT");
      when(again.getCurrentActivityId()).thenReturn(ACKNOWLEDGEMENT);
      sendCustomerMessage.execute(again);
      sendCustomerMessage.execute(again);

      assertThat(customerMessages.send(reference, caseNumber, MessageTemplate.ACKNOWLEDGEMENT))
          .as("the outbox reports that nothing was sent now").isFalse();
    } finally {
      ReflectionTestUtils.setField(customerMessages, "messenger", messenger);
    }

    assertThat(counting.attempts).as("the messenger is not even asked again").containsExactly(reference);
    assertThat(counting.delivered).hasSize(1);
    assertThat(outboxRows(reference)).isEqualTo(1);
    assertThat(messageEntries(caseNumber)).hasSize(1);
  }

  @Test
  void optedOutCustomerStillGetsTheAcknowledgementButNotTheImprovementNotice() {
    ProcessInstance optedOutCase = driver.startCase(intake("PRODUCT_DEFECT", "busan")
        .putValue("customerPhone", TestData.phone()));
    String optedOut = optedOutCase.getBusinessKey();
    jdbc.update("UPDATE customer SET contact_opt_out = TRUE WHERE id = "
        + "(SELECT customer_id FROM complaint_case WHERE case_number = ?)", optedOut);
    ProcessInstance otherCase = driver.startCase(intake("PRODUCT_DEFECT", "busan").putValue("customerPhone", TestData.phone()));
    String other = otherCase.getBusinessKey();
    FlakyMessenger counting = new FlakyMessenger(messenger);
    counting.failing = false;

    ReflectionTestUtils.setField(customerMessages, "messenger", counting);
    try {
      driver.executeJobs(optedOutCase);
      driver.executeJobs(otherCase);

      // The acknowledgement is needed for the open complaint, so it goes out despite the opt-out.
      assertThat(counting.delivered).extracting(OutboundMessage::reference)
          .containsExactly(optedOut + ":" + ACKNOWLEDGEMENT, other + ":" + ACKNOWLEDGEMENT);
      assertThat(counting.delivered.get(0).channel()).isEqualTo(Channel.SMS);
      assertThat(outboxRows(optedOut + ":" + ACKNOWLEDGEMENT)).isEqualTo(1);

      ProcessInstance action = effectivePreventionActionTellingCustomers(optedOut, other);
      driver.executeJobs(action);
      assertThat(action).isEnded().hasPassed("ServiceTask_NotifyCustomers");
    } finally {
      ReflectionTestUtils.setField(customerMessages, "messenger", messenger);
    }

    assertThat(counting.delivered).extracting(OutboundMessage::caseNumber, OutboundMessage::template)
        .as("the improvement notice reaches only the customer who did not opt out")
        .containsExactly(tuple(optedOut, MessageTemplate.ACKNOWLEDGEMENT), tuple(other, MessageTemplate.ACKNOWLEDGEMENT),
            tuple(other, MessageTemplate.IMPROVEMENT_NOTICE));
    assertThat(jdbc.queryForList("SELECT template FROM outbound_message WHERE case_number = ? ORDER BY template",
        String.class, optedOut)).containsExactly("ACKNOWLEDGEMENT");
    assertThat(jdbc.queryForList("SELECT template FROM outbound_message WHERE case_number = ? ORDER BY template",
        String.class, other)).containsExactly("ACKNOWLEDGEMENT", "IMPROVEMENT_NOTICE");
    assertThat(messageEntries(optedOut)).extracting(Timeline.Entry::summary).satisfiesExactly(
        acknowledgement -> assertThat(acknowledgement).startsWith("고객 안내 발송 (SMS)").contains(optedOut),
        notice -> assertThat(notice).startsWith("고객 안내 보내지 않음 (연락 거부)")
            .contains(MessageTemplate.IMPROVEMENT_NOTICE.subject(optedOut)));
    assertThat(messageEntries(other)).extracting(Timeline.Entry::summary).satisfiesExactly(
        acknowledgement -> assertThat(acknowledgement).startsWith("고객 안내 발송 (SMS)"),
        notice -> assertThat(notice).startsWith("고객 안내 발송 (SMS)")
            .contains(MessageTemplate.IMPROVEMENT_NOTICE.subject(other)));
  }

  /** A corrective action the two cases led to, reviewed as effective with "tell the customers". */
  private ProcessInstance effectivePreventionActionTellingCustomers(String firstCase, String secondCase) {
    String productCode = TestData.unique("OB");
    String key = RequestPreventionDelegate.preventionKey(productCode, RootCause.MOULD_DEFECT);
    ProcessInstance action = runtimeService.createMessageCorrelation(RequestPreventionDelegate.MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariables(Variables.createVariables()
            .putValue("preventionKey", key)
            .putValue("productCode", productCode)
            .putValue("productName", "수분 크림")
            .putValue("rootCause", RootCause.MOULD_DEFECT.name())
            .putValue("preventionOwnerGroup", RootCause.MOULD_DEFECT.ownerGroup())
            .putValue("sourceCaseNumber", firstCase)
            .putValue("linkedCaseNumbers", firstCase))
        .correlateStartMessage();
    runtimeService.createMessageCorrelation(RequestPreventionDelegate.MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariableLocal(CaseVariables.REPORTED_CASE_NUMBER, secondCase)
        .correlateWithResult();
    driver.complete(action, "UserTask_PlanAction", "quality1", "actionPlan", "금형 수정", "actionDueOn", "2026-04-30T00:00");
    driver.complete(action, "UserTask_ImplementAction", "quality1", "implementationNotes", "금형 교체");
    driver.fireTimer(action, "IntermediateCatchEvent_EffectivenessReviewDue");
    driver.complete(action, "UserTask_ReviewEffectiveness", "quality1",
        "effective", true, "reviewNotes", "균열 불만 0건", "notifyCustomers", true);
    return action;
  }

  /** A customer known only by this address: CaseDriver's default phone would make all these cases one customer. */
  private static VariableMap onlyByEmail(VariableMap intake, String email) {
    intake.remove("customerPhone");
    return intake.putValue("customerEmail", email);
  }

  private Job acknowledgementJob(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(ACKNOWLEDGEMENT).singleResult();
  }

  private int outboxRows(String reference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbound_message WHERE reference = ?", Integer.class, reference);
  }

  private List<Timeline.Entry> messageEntries(String caseNumber) {
    return timeline.of(caseNumber).stream().filter(e -> e.kind() == Timeline.Kind.MESSAGE).toList();
  }

  /** Fails like a gateway under maintenance until told otherwise, then delivers through the real messenger. */
  static class FlakyMessenger implements CustomerMessenger {
    final CustomerMessenger real;
    final List<String> attempts = new ArrayList<>();
    final List<OutboundMessage> delivered = new ArrayList<>();
    volatile boolean failing = true;

    FlakyMessenger(CustomerMessenger real) {
      this.real = real;
    }

    @Override
    public boolean send(OutboundMessage message) {
      attempts.add(message.reference());
      if (failing) {
        throw new IllegalStateException(FAILURE);
      }
      real.send(message);
      delivered.add(message);
      return true;
    }
  }
}
