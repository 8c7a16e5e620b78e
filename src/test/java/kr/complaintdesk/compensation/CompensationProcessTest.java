package kr.complaintdesk.compensation;

import kr.complaintdesk.support.TestData;
import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.ProcessTestBase;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

@ProcessTest
class CompensationProcessTest extends ProcessTestBase {

  static final String PAY = "ServiceTask_PayCompensation";
  static final String CONFIRM_RETURN = "UserTask_ConfirmReturnReceipt";
  static final String REFUND_PAYMENT = "SubProcess_RefundPayment";
  static final String PAY_REFUND = "ServiceTask_PayRefund";
  static final String REFUND_DEADLINE = "BoundaryEvent_RefundDeadlinePassed";
  static final String HANDLE_OVERDUE_REFUND = "UserTask_HandleOverdueRefund";
  static final String ISSUE_CREDIT = "ServiceTask_IssueCredit";
  static final String SHIP_REPLACEMENT = "UserTask_ShipReplacement";
  static final String SOURCE_AGAIN = "UserTask_SourceAgain";
  static final String CONFIRM_NEW_DATE = "UserTask_ConfirmNewDate";
  static final String REFUND_INSTEAD = "ServiceTask_RefundInstead";
  static final String COMPENSATION_COMPLETED = "EndEvent_CompensationCompleted";

  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired PayCompensationDelegate payCompensationDelegate;
  @Autowired PayoutGateway payoutGateway;
  @Autowired Payouts payouts;
  @Autowired Offers offers;
  @Autowired Timeline timeline;

  @Test
  void treatmentCostsArePaidByAnAsynchronousJob() {
    ProcessInstance compensation = start("TREATMENT_COSTS", 82500, true, "cs-agent1");

    assertWaitingOnlyAt(compensation, PAY);
    assertThat(job(PAY, compensation)).isNotNull();
    assertThat(lineVariable(compensation, "payoutReference")).isNull();

    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(PAY, COMPENSATION_COMPLETED)
        .hasNotPassed(ISSUE_CREDIT, SHIP_REPLACEMENT, CONFIRM_RETURN, PAY_REFUND);
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
  }

  @ParameterizedTest
  @ValueSource(strings = {"COUPON", "STORE_CREDIT"})
  void creditIsIssuedByAnAsynchronousJob(String remedy) {
    ProcessInstance compensation = start(remedy, 30000, false, "cs-agent1");

    assertWaitingOnlyAt(compensation, ISSUE_CREDIT);
    assertThat(job(ISSUE_CREDIT, compensation)).isNotNull();
    assertThat(lineVariable(compensation, "payoutReference")).isNull();

    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(ISSUE_CREDIT, COMPENSATION_COMPLETED).hasNotPassed(PAY, SHIP_REPLACEMENT);
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EXCHANGE", "GIFT"})
  void goodsAreShippedByLogistics(String remedy) {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = start(remedy, 59000, false, "cs-agent1");

    assertWaitingOnlyAt(compensation, SHIP_REPLACEMENT);
    assertThat(driver.candidateGroups(driver.task(compensation, SHIP_REPLACEMENT))).containsExactly("logistics");
    // Nothing to pay: the only job is the shipping SLA's reminder, due with the task.
    assertThat(managementService.createJobQuery().processInstanceId(compensation.getId()).list())
        .extracting(Job::getDuedate).containsExactly(driver.task(compensation, SHIP_REPLACEMENT).getDueDate());

    driver.complete(compensation, SHIP_REPLACEMENT, "logistics1",
        "trackingNumber", "CJ-1234567890", "packagingNotes", "완충재 보강");

    assertThat(compensation).isEnded().hasPassed(SHIP_REPLACEMENT, COMPENSATION_COMPLETED).hasNotPassed(PAY, ISSUE_CREDIT);
    assertThat(payouts.of(compensation.getBusinessKey())).as("goods are sent, nothing is paid").isEmpty();
  }

  /** The lipstick case: an exchange and treatment costs, fulfilled side by side, each line paid once. */
  @Test
  void eachLineIsFulfilledOnItsOwnInParallelAndEachPaymentOnce() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    ProcessInstance compensation = runtimeService.startProcessInstanceByKey("compensation", caseNumber,
        Variables.createVariables().putValue("caseNumber", caseNumber).putValue("priority", "P1")
            .putValue("category", "INJURY").putValue("harm", true)
            .putValue("offerLines", TestData.offer("EXCHANGE", 28000L, "TREATMENT_COSTS", 130000L, "COUPON", 5000L))
            .putValue("offerText", "교환, 완치까지 치료비, 다음 주문 쿠폰").putValue("offerPreparedBy", "cs-agent1"));

    assertThat(compensation).isWaitingAt(SHIP_REPLACEMENT, PAY, ISSUE_CREDIT);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(compensation.getId())
        .variableName("lineRemedy").list()).extracting(v -> v.getValue())
        .containsExactlyInAnyOrder("EXCHANGE", "TREATMENT_COSTS", "COUPON");

    driver.executeJobs(compensation);
    driver.executeJobs(compensation);
    assertWaitingOnlyAt(compensation, SHIP_REPLACEMENT);
    assertThat(payouts.of(caseNumber)).extracting(Payouts.Paid::remedy, Payouts.Paid::amountKrw, Payouts.Paid::reference)
        .containsExactlyInAnyOrder(
            tuple("TREATMENT_COSTS", 130000L, caseNumber + "-" + compensation.getId() + "-2"),
            tuple("COUPON", 5000L, caseNumber + "-" + compensation.getId() + "-3"));
    assertThat(driver.task(compensation, SHIP_REPLACEMENT)).hasCandidateGroup("logistics");
    assertThat(taskService.getVariable(driver.task(compensation, SHIP_REPLACEMENT).getId(), "lineDescription"))
        .isEqualTo("교환 발송");

    driver.complete(compensation, SHIP_REPLACEMENT, "logistics1", "trackingNumber", "CJ-5550001", "packagingNotes", "완충재");

    assertThat(compensation).isEnded().hasPassed(COMPENSATION_COMPLETED);
    assertThat(payouts.of(caseNumber)).hasSize(2);
  }

  /** An offer the case file does not show accepted after approval is never fulfilled: the start fails and nothing is paid. */
  @Test
  void anOfferNotAcceptedAfterApprovalIsNeverFulfilled() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    long offerId = offers.record(caseNumber, 1, false, OfferLines.parse(TestData.offer("REFUND", 90000L).getValueSerialized()),
        "환불", "cs-agent1", Offers.Approval.PENDING);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("compensation", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber).putValue("offerId", offerId).putValue("offerLines", TestData.offer("REFUND", 90000L))))
        .hasMessageContaining("was not accepted after approval");
    assertThat(payouts.of(caseNumber)).isEmpty();
  }

  /** A case whose offer was made before offers had lines carries one remedy and amount: that is its one line. */
  @Test
  void anOfferFromBeforeLinesIsFulfilledAsOneLine() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    ProcessInstance compensation = runtimeService.startProcessInstanceByKey("compensation", caseNumber,
        Variables.createVariables().putValue("caseNumber", caseNumber).putValue("remedy", "STORE_CREDIT")
            .putValue("offerAmount", 20000L).putValue("offerPreparedBy", "cs-agent1"));
    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(ISSUE_CREDIT);
    assertThat(payouts.of(caseNumber)).extracting(Payouts.Paid::remedy, Payouts.Paid::amountKrw)
        .containsExactly(tuple("STORE_CREDIT", 20000L));
  }

  /** Re-sourced sneakers: logistics finds them, the customer takes the new date, logistics ships them; nothing is paid. */
  @Test
  void reSourcedGoodsShipOnTheDateTheCustomerConfirmed() {
    ProcessInstance compensation = start("RESOURCING", 189000, false, "cs-agent1");
    assertWaitingOnlyAt(compensation, SOURCE_AGAIN);
    assertThat(driver.task(compensation, SOURCE_AGAIN)).hasCandidateGroup("logistics");

    driver.complete(compensation, SOURCE_AGAIN, "logistics1", "resourcingPossible", true, "resourcingSource", "일본 협력 매장",
        "resourcingCostKrw", 201000L, "resourcingEta", "2026-12-18", "resourcingNotes", "같은 사이즈 확보");
    assertWaitingOnlyAt(compensation, CONFIRM_NEW_DATE);
    assertThat(driver.task(compensation, CONFIRM_NEW_DATE)).hasCandidateGroup("cs-agent");
    driver.complete(compensation, CONFIRM_NEW_DATE, "cs-agent1", "customerChoice", "WAIT", "customerChoiceNote", "18일 수령 동의");

    assertWaitingOnlyAt(compensation, SHIP_REPLACEMENT);
    driver.complete(compensation, SHIP_REPLACEMENT, "logistics1", "trackingNumber", "EMS-77", "packagingNotes", "이중 박스");
    assertThat(compensation).isEnded().hasNotPassed(REFUND_INSTEAD);
    assertThat(payouts.of(compensation.getBusinessKey())).isEmpty();
  }

  /** The customer would rather have the money, or the goods cannot be found again: the line is refunded once. */
  @ParameterizedTest(name = "found again {0}")
  @ValueSource(booleans = {true, false})
  void aReSourcingLineTurnsIntoARefundWhenTheGoodsCannotComeOrTheCustomerPrefersIt(boolean found) {
    ProcessInstance compensation = start("RESOURCING", 189000, false, "cs-agent1");
    driver.complete(compensation, SOURCE_AGAIN, "logistics1", "resourcingPossible", found, "resourcingNotes",
        found ? "3주 뒤 입고" : "단종, 어느 경로에도 재고 없음");
    if (found) {
      driver.complete(compensation, CONFIRM_NEW_DATE, "cs-agent1", "customerChoice", "REFUND", "customerChoiceNote", "기다리지 않겠다");
    }
    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(REFUND_INSTEAD).hasNotPassed(SHIP_REPLACEMENT);
    assertThat(payouts.of(compensation.getBusinessKey())).extracting(Payouts.Paid::remedy, Payouts.Paid::amountKrw)
        .containsExactly(tuple("REFUND", 189000L));
  }

  /** Re-sourcing and the customer's answer each have their row's deadline; past it, whoever holds the task is reminded. */
  @Test
  void reSourcingPastItsRowIsRemindedWhileTheTaskStays() {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = start("RESOURCING", 189000, false, "cs-agent1");
    java.util.Date due = driver.task(compensation, SOURCE_AGAIN).getDueDate();
    assertThat(due).isEqualTo(kst("2026-12-24T10:00"));
    assertThat(driver.timerDueDates(compensation)).contains(due);

    ClockUtil.setCurrentTime(new java.util.Date(due.getTime() + 60_000));
    driver.executeJobs(compensation);

    assertThat(compensation).hasPassed("ServiceTask_RemindSourcing");
    assertWaitingOnlyAt(compensation, SOURCE_AGAIN);
  }

  /** What is paid is the stored line: a line's variables changed on the way (a task may send any) change nothing. */
  @Test
  void theStoredLineIsPaidWhateverTheLinesVariablesSayAndOncePerLineOfTheOffer() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    long offerId = acceptedOffer(caseNumber, TestData.offer("TREATMENT_COSTS", 130000L));
    ProcessInstance first = startWithOffer(caseNumber, offerId);
    runtimeService.createVariableInstanceQuery().processInstanceIdIn(first.getId()).variableName("lineAmountKrw").list()
        .forEach(v -> runtimeService.setVariableLocal(v.getExecutionId(), "lineAmountKrw", 9_999_999L));
    driver.executeJobs(first);

    // Compensation started again for the same offer (a restart in Cockpit): the line is not paid twice.
    ProcessInstance again = startWithOffer(caseNumber, offerId);
    driver.executeJobs(again);

    assertThat(first).isEnded();
    assertThat(again).isEnded();
    assertThat(payouts.of(caseNumber)).extracting(Payouts.Paid::amountKrw, Payouts.Paid::reference)
        .containsExactly(tuple(130000L, caseNumber + "-o" + offerId + "-1"));
  }

  /** An offer id of another case, or none where the case's offers are approved first, pays nothing. */
  @Test
  void anOfferOfAnotherCaseOrNoOfferIdPaysNothing() {
    String other = CaseDriver.registerCase(jdbc);
    long othersOffer = acceptedOffer(other, TestData.offer("REFUND", 500000L));
    String caseNumber = CaseDriver.registerCase(jdbc);
    acceptedOffer(caseNumber, TestData.offer("COUPON", 5000L));

    assertThatThrownBy(() -> startWithOffer(caseNumber, othersOffer)).hasMessageContaining("was not accepted after approval");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("compensation", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber).putValue("offerLines", TestData.offer("REFUND", 500000L))))
        .hasMessageContaining("nothing is paid from variables");
    assertThat(payouts.of(caseNumber)).isEmpty();
    assertThat(payouts.of(other)).isEmpty();
  }

  /** A case accepted under the model before offers were approved first is approved before anything is paid. */
  @Test
  void anOfferFromBeforeApprovalCameFirstIsApprovedBeforeItIsPaidAndChangedWhenRejected() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    // The earlier model's offer task records its offer as waiting for an approval that model never asks for.
    offers.record(caseNumber, 1, false, OfferLines.parse(TestData.offer("REFUND", 50000L).getValueSerialized()), "환불",
        "cs-agent1", Offers.Approval.PENDING);
    ProcessInstance compensation = runtimeService.startProcessInstanceByKey("compensation", caseNumber,
        Variables.createVariables().putValue("caseNumber", caseNumber).putValue("remedy", "REFUND")
            .putValue("offerAmount", 50000L).putValue("offerPreparedBy", "cs-agent1").putValue("harm", false));

    org.camunda.bpm.engine.task.Task approval = driver.task(compensation, "UserTask_ApproveOffer");
    assertThat(approval).hasCandidateGroup("cs-lead");
    assertThat(taskService.getVariable(approval.getId(), "offerSummary")).asString().contains("1. 환불 50,000원");
    driver.complete(compensation, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", false, "approvalNote", "근거 없음");

    // Nothing is paid; the preparer changes the offer with the customer and it is approved again.
    assertThat(payouts.of(caseNumber)).isEmpty();
    assertThat(driver.task(compensation, "UserTask_ReviseEarlierOffer").getAssignee()).isEqualTo("cs-agent1");
    driver.complete(compensation, "UserTask_ReviseEarlierOffer", "cs-agent1", "remedy", "STORE_CREDIT", "offerAmount", 20000L,
        "offerText", "적립금으로 합의");
    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(ISSUE_CREDIT).hasNotPassed(CONFIRM_RETURN);
    assertThat(payouts.of(caseNumber)).extracting(Payouts.Paid::remedy, Payouts.Paid::amountKrw)
        .containsExactly(tuple("STORE_CREDIT", 20000L));
  }

  private long acceptedOffer(String caseNumber, org.camunda.spin.plugin.variable.value.JsonValue lines) {
    long offerId = offers.record(caseNumber, 1, false, OfferLines.parse(lines.getValueSerialized()), "해결안", "cs-agent1",
        Offers.Approval.PENDING);
    offers.withinAuthority(offerId);
    offers.answer(caseNumber, true);
    return offerId;
  }

  private ProcessInstance startWithOffer(String caseNumber, long offerId) {
    return runtimeService.startProcessInstanceByKey("compensation", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber).putValue("offerId", offerId).putValue("priority", "P3"));
  }

  /** An accepted apology alone has nothing to pay, credit or send. */
  @Test
  void anApologyLineHasNothingToFulfil() {
    ProcessInstance compensation = start("APOLOGY", 0, false, "cs-agent1");

    assertThat(compensation).isEnded().hasPassed("Gateway_PayoutMerged", COMPENSATION_COMPLETED)
        .hasNotPassed(PAY, ISSUE_CREDIT, SHIP_REPLACEMENT, CONFIRM_RETURN);
  }

  @Test
  void failingPayoutBecomesAnIncidentAndPaysExactlyOnceAfterRetry() {
    ProcessInstance compensation = start("TREATMENT_COSTS", 45000, false, "cs-agent1");
    String jobId = job(PAY, compensation).getId();
    FlakyPayoutGateway flaky = new FlakyPayoutGateway(payoutGateway);

    // Swapped on the existing bean and restored, so every test class keeps sharing one unchanged context.
    ReflectionTestUtils.setField(payCompensationDelegate, "gateway", flaky);
    try {
      assertThat(failUntilRetriesRunOut(jobId)).as("R5 retry cycle").isEqualTo(5);

      Incident incident = runtimeService.createIncidentQuery().processInstanceId(compensation.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo(PAY);
      assertWaitingOnlyAt(compensation, PAY);
      assertThat(lineVariable(compensation, "payoutReference")).isNull();

      flaky.failing = false;
      managementService.setJobRetries(jobId, 1);
      managementService.executeJob(jobId);
    } finally {
      ReflectionTestUtils.setField(payCompensationDelegate, "gateway", payoutGateway);
    }

    assertThat(compensation).isEnded().hasPassed(PAY, COMPENSATION_COMPLETED);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(compensation.getId()).count()).isZero();
    assertThat(flaky.references).as("every attempt carries the same idempotency key")
        .hasSize(6).containsOnly(compensation.getBusinessKey() + "-" + compensation.getId() + "-1");
    assertThat(flaky.paid).isEqualTo(1);
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
  }

  @ParameterizedTest(name = "goods back {0}, recorded {1}: refund due {2}")
  @CsvSource({
    "2026-12-18, 2026-12-21T10:00, 2026-12-23T18:00, 2026-12-23 (수) 18:00", // Friday before a weekend
    "2026-12-24, 2026-12-28T10:00, 2026-12-30T18:00, 2026-12-30 (수) 18:00", // Thursday before 성탄절 (Fri) and the weekend
    "2026-12-25, 2026-12-28T10:00, 2026-12-30T18:00, 2026-12-30 (수) 18:00" // delivered on 성탄절 itself
  })
  void refundIsDueThreeBusinessDaysAfterTheReturnedGoodsArrived(String receivedOn, String recordedAt, String due, String dueText) {
    clockAt(recordedAt);
    ProcessInstance compensation = approvedRefund();
    assertWaitingOnlyAt(compensation, CONFIRM_RETURN);
    assertThat(driver.candidateGroups(driver.task(compensation, CONFIRM_RETURN))).containsExactly("logistics");

    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "noReturnNeeded", false, "returnReceivedOn", receivedOn);

    assertThat(lineVariable(compensation, "refundDue")).isEqualTo(kst(due));
    assertThat(lineVariable(compensation, "refundDueText")).isEqualTo(dueText);
    assertThat(compensation).isWaitingAt(PAY_REFUND);
    Job deadline = managementService.createJobQuery().processInstanceId(compensation.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(kst(due));
    assertThat(timeline.of(compensation.getBusinessKey())).anySatisfy(entry -> {
      assertThat(entry.summary()).isEqualTo("환불 기한: " + dueText + "까지");
      assertThat(entry.details()).contains("반품 도착일 " + receivedOn, "3영업일", "전자상거래법 제18조");
    });
  }

  @Test
  void refundPaidBeforeItsDeadlineIsNeverEscalated() {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = approvedRefund();
    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "returnReceivedOn", "2026-12-18");
    assertThat(job(PAY_REFUND, compensation)).isNotNull();

    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(CONFIRM_RETURN, PAY_REFUND, COMPENSATION_COMPLETED)
        .hasNotPassed(PAY, HANDLE_OVERDUE_REFUND);
    assertThat(managementService.createJobQuery().processInstanceId(compensation.getId()).count())
        .as("the deadline timer ends with the paid refund").isZero();
    clockAt("2026-12-24T10:00");
    driver.executeJobs(compensation);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(compensation.getId())
        .taskDefinitionKey(HANDLE_OVERDUE_REFUND).count()).isZero();
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
    assertThat(timeline.of(compensation.getBusinessKey()))
        .anySatisfy(entry -> assertThat(entry.summary()).isEqualTo("보상 지급 (1번째 항목): 환불 45,000원 (환불 기한 2026-12-23 (수) 18:00)"));
  }

  @Test
  void aReturnNotBackWithinItsSlaIsChasedWithTheCustomerWhileLogisticsKeepsItsTask() {
    // Approved Monday 21 December: counted in business days, 성탄절 and the weekend do not count.
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = approvedRefund();
    Date due = slaDue("RETURN_ARRIVAL", kst("2026-12-21T10:00"));
    ClockUtil.setCurrentTime(minutesFrom(due, -1));
    driver.executeJobs(compensation);
    assertThat(driver.openTasks(compensation, CHASE_RETURN)).isEmpty();

    Date chased = minutesFrom(due, 1);
    ClockUtil.setCurrentTime(chased);
    driver.executeJobs(compensation);

    Task chase = driver.task(compensation, CHASE_RETURN);
    assertThat(driver.candidateGroups(chase)).containsExactly("cs-agent");
    assertThat(chase.getDueDate()).isEqualTo(slaDue("RETURN_CHASE", chased));
    assertThat(driver.openTasks(compensation, CONFIRM_RETURN)).hasSize(1);
    driver.complete(compensation, CHASE_RETURN, "cs-agent1", "returnChaseNotes", "1월 4일 회수 기사 방문 예약");
    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "returnReceivedOn",
        chased.toInstant().atZone(BusinessCalendar.KOREA).toLocalDate().toString());
    driver.executeJobs(compensation);
    assertThat(compensation).isEnded().hasPassed(CHASE_RETURN, PAY_REFUND);
  }

  @Test
  void aReturnBackInTimeIsNeverChased() {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = approvedRefund();
    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "returnReceivedOn", "2026-12-21");
    clockAt("2026-12-22T10:00");
    driver.executeJobs(compensation);
    clockAt("2027-01-15T10:00");
    driver.executeJobs(compensation);

    assertThat(compensation).isEnded().hasPassed(PAY_REFUND).hasNotPassed(CHASE_RETURN);
  }

  @Test
  void refundStuckOnAFailingGatewayGoesToTheLeadAtTheDeadlineAndIsPaidOnceWhenFixed() {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = approvedRefund();
    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "returnReceivedOn", "2026-12-18");
    String jobId = job(PAY_REFUND, compensation).getId();
    FlakyPayoutGateway flaky = new FlakyPayoutGateway(payoutGateway);

    ReflectionTestUtils.setField(payCompensationDelegate, "gateway", flaky);
    try {
      assertThat(failUntilRetriesRunOut(jobId)).as("R5 retry cycle").isEqualTo(5);
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(compensation.getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo(PAY_REFUND);

      clockAt("2026-12-23T17:59");
      driver.executeJobs(compensation);
      assertThat(driver.openTasks(compensation, HANDLE_OVERDUE_REFUND)).as("not late yet").isEmpty();

      clockAt("2026-12-23T18:01");
      driver.executeJobs(compensation);
      Task escalation = driver.task(compensation, HANDLE_OVERDUE_REFUND);
      assertThat(driver.candidateGroups(escalation)).containsExactly("cs-lead");
      assertThat(escalation.getPriority()).isEqualTo(95);
      assertThat(escalation.getDueDate()).isEqualTo(kst("2026-12-23T18:01"));
      assertThat(compensation).isWaitingAt(PAY_REFUND, HANDLE_OVERDUE_REFUND);
      assertThat(runtimeService.createIncidentQuery().processInstanceId(compensation.getId()).count())
          .as("the payout is still stuck").isEqualTo(1);
      assertThat(flaky.paid).isZero();

      flaky.failing = false;
      managementService.setJobRetries(jobId, 1);
      managementService.executeJob(jobId);
    } finally {
      ReflectionTestUtils.setField(payCompensationDelegate, "gateway", payoutGateway);
    }

    // Paid, but the line is fulfilled only once the lead has dealt with the late refund.
    assertThat(compensation).hasPassed(PAY_REFUND).hasNotPassed(COMPENSATION_COMPLETED);
    assertWaitingOnlyAt(compensation, HANDLE_OVERDUE_REFUND);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(compensation.getId()).count()).isZero();
    String reference = compensation.getBusinessKey() + "-" + compensation.getId() + "-1";
    assertThat(flaky.references).as("every attempt carries the same idempotency key").hasSize(6).containsOnly(reference);
    assertThat(flaky.paid).isEqualTo(1);
    assertThat(payouts.executed(reference)).contains(expectedReference(compensation));

    driver.complete(compensation, HANDLE_OVERDUE_REFUND, "cs-lead1",
        "overdueRefundAction", "PG 장애 해소 후 지급 확인, 고객에게 사과하고 지연배상금 안내");
    assertThat(compensation).isEnded().hasPassed(REFUND_DEADLINE, HANDLE_OVERDUE_REFUND, COMPENSATION_COMPLETED);
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
  }

  @Test
  void refundWithoutAReturnIsDueThreeBusinessDaysAfterLogisticsSaidSo() {
    clockAt("2026-12-24T10:00"); // Thursday before 성탄절 (Fri) and the weekend
    ProcessInstance compensation = approvedRefund();

    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "noReturnNeeded", true,
        "noReturnReason", "택배 분실로 회수할 상품이 없음", "returnReceivedOn", "2026-12-20");

    assertThat(lineVariable(compensation, "refundDue")).isEqualTo(kst("2026-12-30T18:00"));
    assertThat(lineVariable(compensation, "returnReceivedOn"))
        .as("a date left over from before the box was ticked is dropped").isNull();
    assertThat(timeline.of(compensation.getBusinessKey())).anySatisfy(entry -> {
      assertThat(entry.summary()).isEqualTo("환불 기한: 2026-12-30 (수) 18:00까지");
      assertThat(entry.details()).contains("반품 회수 불필요", "택배 분실");
    });

    driver.executeJobs(compensation);
    assertThat(compensation).isEnded().hasPassed(CONFIRM_RETURN, PAY_REFUND, COMPENSATION_COMPLETED)
        .hasNotPassed(HANDLE_OVERDUE_REFUND);
    assertThat(driver.historicValue(compensation, "payoutReference")).isEqualTo(expectedReference(compensation));
  }

  @ParameterizedTest(name = "[{index}] {3}")
  @CsvSource(delimiter = '|', value = {
    "false | 2026-12-22 |            | 반품 도착일: 반품 도착일(2026-12-22)은 오늘(2026-12-21)보다 뒤일 수 없습니다",
    "false | 2026-02-30 |            | 반품 도착일: 없는 날짜이거나 YYYY-MM-DD 형식이 아닙니다",
    "false | 2025-12-21 |            | 반품 도착일: 반품 도착일(2025-12-21)은 90일 넘게 지난 날짜입니다",
    "false |            |            | 반품 도착일: 반품 상품이 도착한 날을 적거나, 회수가 필요 없으면",
    "true  |            | '  '       | 회수가 필요 없는 이유: 반품 회수가 필요 없으면 그 이유를 적어야 합니다"
  })
  void badReturnConfirmationIsRefusedWithAClearMessageAndChangesNothing(
      boolean noReturnNeeded, String receivedOn, String reason, String message) {
    clockAt("2026-12-21T10:00");
    ProcessInstance compensation = approvedRefund();
    Task task = driver.task(compensation, CONFIRM_RETURN);
    taskService.claim(task.getId(), "logistics1");
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("noReturnNeeded", noReturnNeeded);
    if (receivedOn != null) {
      submitted.put("returnReceivedOn", receivedOn);
    }
    if (reason != null) {
      submitted.put("noReturnReason", reason);
    }

    assertThatThrownBy(() -> taskService.complete(task.getId(), submitted)).hasMessageContaining(message);

    assertWaitingOnlyAt(compensation, CONFIRM_RETURN);
    assertThat(runtimeService.getVariables(compensation.getId()))
        .doesNotContainKeys("noReturnNeeded", "returnReceivedOn", "noReturnReason", "refundDue", "refundDueText");
    assertThat(managementService.createJobQuery().processInstanceId(compensation.getId()).messages().count())
        .as("no payout job").isZero();
    assertThat(managementService.createJobQuery().processInstanceId(compensation.getId()).timers().count())
        .as("only the return's own chase timer").isEqualTo(1);
    assertThat(timeline.of(compensation.getBusinessKey()))
        .noneSatisfy(entry -> assertThat(entry.summary()).startsWith("환불 기한"));

    driver.complete(compensation, CONFIRM_RETURN, "logistics1", "returnReceivedOn", "2026-12-21");
    assertThat(lineVariable(compensation, "refundDue")).isEqualTo(kst("2026-12-24T18:00"));
  }

  /** Runs the payout job against the failing gateway until its retries are used up; returns how often it failed. */
  private int failUntilRetriesRunOut(String jobId) {
    int failures = 0;
    while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() > 0 && failures < 10) {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("PG 점검 중");
      failures++;
    }
    return failures;
  }

  /** Fails like a payment system under maintenance until told otherwise, then pays through the real gateway. */
  static class FlakyPayoutGateway implements PayoutGateway {
    final PayoutGateway real;
    final List<String> references = new ArrayList<>();
    volatile boolean failing = true;
    int paid;

    FlakyPayoutGateway(PayoutGateway real) {
      this.real = real;
    }

    @Override
    public String execute(Payout payout) {
      references.add(payout.reference());
      if (failing) {
        throw new IllegalStateException("PG 점검 중");
      }
      paid++;
      return real.execute(payout);
    }
  }

  /** A refund of 45,000 KRW the customer accepted. */
  static final String CHASE_RETURN = "UserTask_ChaseReturn";

  private ProcessInstance approvedRefund() {
    ProcessInstance compensation = start("REFUND", 45000, false, "cs-agent1");
    return compensation;
  }

  /** Sets the engine clock to a Korean wall-clock time such as {@code 2026-12-21T10:00}. */
  private static void clockAt(String koreanTime) {
    ClockUtil.setCurrentTime(kst(koreanTime));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance start(String remedy, long amount, boolean harm, String preparedBy) {
    String caseNumber = CaseDriver.registerCase(jdbc);
    return runtimeService.startProcessInstanceByKey("compensation", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber)
        .putValue("priority", harm ? "P1" : "P3")
        .putValue("category", harm ? "HEALTH_HARM" : "PRODUCT_DEFECT")
        .putValue("harm", harm)
        .putValue("offerLines", TestData.offer(remedy, amount))
        .putValue("offerText", "불편을 드려 죄송합니다")
        .putValue("offerPreparedBy", preparedBy)
        .putValue("treatmentCostTotal", harm ? amount : 0L)
        .putValue("customerName", "이서연")
        .putValue("orderNo", "O-98765"));
  }

  private Job job(String activityId, ProcessInstance compensation) {
    return managementService.createJobQuery()
        .processInstanceId(compensation.getId()).activityId(activityId).singleResult();
  }

  private String expectedReference(ProcessInstance compensation) {
    return "REC-" + compensation.getBusinessKey() + "-" + compensation.getId() + "-1";
  }


  /** Waiting at these activities and no others, the scopes of the line being fulfilled aside. */
  private void assertWaitingOnlyAt(ProcessInstance compensation, String... activityIds) {
    assertThat(runtimeService.getActiveActivityIds(compensation.getId()))
        .filteredOn(id -> !id.startsWith("SubProcess_FulfilLine"))
        .containsExactlyInAnyOrder(activityIds);
  }

  /** A variable of the line being fulfilled (the only line of these offers); null when it is not set. */
  private Object lineVariable(ProcessInstance compensation, String name) {
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(compensation.getId()).variableName(name)
        .list().stream().map(v -> v.getValue()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }
}
