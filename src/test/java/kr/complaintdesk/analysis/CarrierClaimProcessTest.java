package kr.complaintdesk.analysis;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Date;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.support.ModelTestBase;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carrier claim ({@code processes/carrier-claim.bpmn}) on the models alone: logistics files the claim and
 * records the carrier's answer, each step due by its own row of the service-levels table and chased by the lead
 * past it; each step is on the case timeline (a mock here, whose calls are checked).
 */
class CarrierClaimProcessTest extends ModelTestBase {

  static final String FILE = "UserTask_FileCarrierClaim";
  static final String OUTCOME = "UserTask_RecordCarrierClaimOutcome";
  static final String CHASE = "UserTask_ChaseCarrierClaim";

  final Timeline timeline = mock(Timeline.class);

  @BeforeEach
  void registerBeans() {
    Mocks.register("recordCarrierClaim", new RecordCarrierClaimListener(timeline));
    Mocks.register("nameLateWork", new NameLateWorkListener(serviceLevels));
  }

  @Test
  void logisticsFilesTheClaimAndRecordsWhatTheCarrierPaid() {
    ProcessInstance claim = startClaim();
    String caseNumber = claim.getBusinessKey();
    assertThat(driver.candidateGroups(driver.task(claim, FILE))).containsExactly("logistics");

    driver.complete(claim, FILE, "logistics1", "carrierClaimNumber", " CJ-CL-2026-0311 ", "carrierClaimAmount", 180000L);
    assertThat(driver.candidateGroups(driver.task(claim, OUTCOME))).containsExactly("logistics");
    verify(timeline).record(eq(caseNumber), eq(Timeline.Kind.DECISION), anyString(), eq("운송사 배상 청구함: 180,000원"),
        eq("청구 번호 CJ-CL-2026-0311"));

    driver.complete(claim, OUTCOME, "logistics1", "carrierClaimOutcome", "PARTIAL", "carrierRecoveredAmount", 120000L);
    assertThat(claim).isEnded().hasPassed("EndEvent_CarrierClaimSettled");
    verify(timeline).record(eq(caseNumber), eq(Timeline.Kind.DECISION), anyString(),
        eq("운송사 배상 결과: 일부 인정, 회수 120,000원 / 청구 180,000원"), eq("청구 번호 CJ-CL-2026-0311"));
  }

  @Test
  void theOutcomeIsRefusedWhenItDoesNotAddUp() {
    ProcessInstance claim = startClaim();
    driver.complete(claim, FILE, "logistics1", "carrierClaimNumber", "CL-1", "carrierClaimAmount", 50000L);
    String outcome = driver.task(claim, OUTCOME).getId();

    assertThatThrownBy(() -> taskService.complete(outcome, Variables.createVariables()
        .putValue("carrierClaimOutcome", "ACCEPTED").putValue("carrierRecoveredAmount", 60000L)))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("청구액(50,000원)보다 클 수 없습니다");
    assertThatThrownBy(() -> taskService.complete(outcome, Variables.createVariables()
        .putValue("carrierClaimOutcome", "REJECTED").putValue("carrierRecoveredAmount", 1000L)))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("거절된 청구는 0원입니다");
    assertThatThrownBy(() -> taskService.complete(outcome, Variables.createVariables()
        .putValue("carrierClaimOutcome", "LOST").putValue("carrierRecoveredAmount", 0L)))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("ACCEPTED");
    assertThat(claim).isWaitingAtExactly(OUTCOME);
  }

  @Test
  void aClaimNotFiledOrNotAnsweredWithinItsRowIsChasedByTheLead() {
    Date monday = kst("2026-11-23T10:00");
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance claim = startClaim();
      Date filingDue = slaDue("CARRIER_CLAIM_FILING", monday);
      assertThat(driver.task(claim, FILE).getDueDate()).isEqualTo(filingDue);
      assertThat(driver.timerDueDates(claim)).containsExactly(filingDue);

      ClockUtil.setCurrentTime(minutesFrom(filingDue, 1));
      driver.executeJobs(claim);
      assertThat(driver.candidateGroups(driver.task(claim, CHASE))).containsExactly("cs-lead");
      assertThat(taskService.getVariable(driver.task(claim, CHASE).getId(), "lateWork"))
          .isEqualTo("운송사에 배상 청구 — 청구 기한 지남 (" + serviceLevels.level("CARRIER_CLAIM_FILING").text() + ")");
      driver.complete(claim, CHASE, "cs-lead1", "carrierClaimChaseNotes", "물류팀 오늘 청구");

      Date filed = ClockUtil.getCurrentTime();
      driver.complete(claim, FILE, "logistics1", "carrierClaimNumber", "CL-2", "carrierClaimAmount", 90000L);
      Date answerDue = slaDue("CARRIER_CLAIM", filed);
      assertThat(driver.task(claim, OUTCOME).getDueDate()).isEqualTo(answerDue);
      assertThat(driver.timerDueDates(claim)).containsExactly(answerDue);

      ClockUtil.setCurrentTime(minutesFrom(answerDue, -1));
      driver.executeJobs(claim);
      assertThat(driver.openTasks(claim, CHASE)).isEmpty();
      ClockUtil.setCurrentTime(minutesFrom(answerDue, 1));
      driver.executeJobs(claim);
      assertThat(driver.openTasks(claim, CHASE)).hasSize(1);
      assertThat(claim).isWaitingAtExactly(OUTCOME, CHASE);
    } finally {
      ClockUtil.reset();
    }
  }

  private ProcessInstance startClaim() {
    String caseNumber = TestData.unique("C-CLAIM");
    runtimeService.createMessageCorrelation(RequestCarrierClaimDelegate.MESSAGE)
        .processInstanceBusinessKey(caseNumber)
        .setVariables(Variables.createVariables().putValue("caseNumber", caseNumber)
            .putValue("trackingNumber", "CJ612345678901").putValue("orderNo", "O-777"))
        .correlateStartMessage();
    return driver.running(RequestCarrierClaimDelegate.PROCESS_KEY, caseNumber);
  }
}
