package kr.complaintdesk.care;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.support.ModelTestBase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visit care of a harmed customer ({@code processes/care-visit.bpmn}) on the models alone. The treatment
 * costs are added up by the real {@link RecordTreatmentCostListener}, which needs nothing of the application. The
 * reminder at the visit time goes to {@code notifyStaff}, recorded here; whom it tells is NotifyStaffDelegate's own
 * rule, tested with the whole application in {@code PromisesAndDeadlinesTest}.
 */
class CareVisitProcessTest extends ModelTestBase {

  static final String SCHEDULE_VISIT = "UserTask_ScheduleVisit";
  static final String VISIT_CUSTOMER = "UserTask_VisitCustomer";
  static final String CHECK_RECOVERY = "UserTask_CheckRecovery";
  static final String RECOVERY_CHECK_DUE = "IntermediateCatchEvent_RecoveryCheckDue";
  static final String ESCALATE_VISIT_SCHEDULING = "UserTask_EscalateVisitScheduling";
  static final String VISIT_SCHEDULING_ESCALATED = "EndEvent_VisitSchedulingEscalated";
  static final String CARE_COMPLETED = "EndEvent_CareCompleted";
  static final String VISIT_TIME_REACHED = "BoundaryEvent_VisitTimeReached";
  static final String REMIND_VISIT_REPORT = "ServiceTask_RemindVisitReport";
  static final String VISIT_REPORT_REMINDED = "EndEvent_VisitReportReminded";
  static final String ESCALATE_RECOVERY_CHECK = "UserTask_EscalateRecoveryCheck";
  static final String RECOVERY_CHECK_ESCALATED = "EndEvent_RecoveryCheckEscalated";

  /** What the reminder step was asked to do: "the reminded task: the notice", one entry per run. */
  final List<String> reminders = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    Mocks.register("recordTreatmentCost", new RecordTreatmentCostListener());
    Mocks.register("notifyStaff", (JavaDelegate) execution ->
        reminders.add(execution.getVariable("remindedTask") + ": " + execution.getVariable("notice")));
  }

  @Test
  void visitIsArrangedAndMadeByTheRegionalDivisionOfTheCustomer() {
    ProcessInstance busan = startCare("busan");
    ProcessInstance daegu = startCare("daegu");

    assertThat(busan).isWaitingAtExactly(SCHEDULE_VISIT);
    assertThat(driver.task(busan, SCHEDULE_VISIT)).hasCandidateGroup("region-busan");
    assertThat(driver.candidateGroups(driver.task(busan, SCHEDULE_VISIT))).containsExactly("region-busan");
    assertThat(driver.candidateGroups(driver.task(daegu, SCHEDULE_VISIT))).containsExactly("region-daegu");

    driver.complete(busan, SCHEDULE_VISIT, "region-busan1", "visitAt", "2026-03-02T10:00", "hospitalAccompanimentPlanned", true);

    assertThat(busan).isWaitingAtExactly(VISIT_CUSTOMER);
    assertThat(driver.task(busan, VISIT_CUSTOMER)).hasCandidateGroup("region-busan");
    assertThat(driver.candidateGroups(driver.task(busan, VISIT_CUSTOMER))).containsExactly("region-busan");
  }

  @Test
  void careEndsWhenTheCustomerHasRecoveredAtTheFirstVisit() {
    ProcessInstance care = startCare("busan");
    driver.complete(care, SCHEDULE_VISIT, "region-busan1", "visitAt", "2026-03-02T10:00");

    driver.complete(care, VISIT_CUSTOMER, "region-busan1",
        "careNotes", "상태 양호, 완치 확인", "recovered", true, "treatmentCostAdded", 35000L);

    assertThat(care).isEnded().hasPassed(CARE_COMPLETED).hasNotPassed(CHECK_RECOVERY);
    assertThat(driver.historicValue(care, "treatmentCostTotal")).isEqualTo(35000L);
  }

  @Test
  void oneRecoveryCheckFollowsAVisitWhereTheCustomerHadNotRecovered() {
    ProcessInstance care = atVisit("gwangju");

    driver.complete(care, VISIT_CUSTOMER, "region-gwangju1",
        "careNotes", "발진 지속, 병원 동행", "hospitalAccompanied", true, "recovered", false,
        "treatmentCostAdded", 50000L);

    assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);
    driver.fireTimer(care, RECOVERY_CHECK_DUE);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY)).hasCandidateGroup("region-gwangju");
    assertThat(driver.candidateGroups(driver.task(care, CHECK_RECOVERY))).containsExactly("region-gwangju");

    driver.complete(care, CHECK_RECOVERY, "region-gwangju1", "recoveryNotes", "완치", "recovered", true);

    assertThat(care).isEnded().hasPassedInOrder(VISIT_CUSTOMER, RECOVERY_CHECK_DUE, CHECK_RECOVERY, CARE_COMPLETED);
    assertThat(driver.historicValue(care, "treatmentCostTotal")).isEqualTo(50000L);
  }

  @Test
  void recoveryIsCheckedAgainUntilTheCustomerHasRecoveredAndCostsAddUp() {
    ProcessInstance care = atVisit("busan");

    driver.complete(care, VISIT_CUSTOMER, "region-busan1",
        "careNotes", "접촉성 피부염 소견", "recovered", false, "treatmentCostAdded", 50000L);
    assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);
    driver.fireTimer(care, RECOVERY_CHECK_DUE);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(50000L);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostAdded"))
        .as("the entry field starts empty at the next check").isNull();
    String firstCheck = driver.task(care, CHECK_RECOVERY).getId();

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "감염으로 악화, 재진료", "recovered", false, "treatmentCostAdded", 20000L);
    assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);
    driver.fireTimer(care, RECOVERY_CHECK_DUE);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY).getId()).isNotEqualTo(firstCheck);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(70000L);

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "호전 중, 비용 없음", "recovered", false);
    assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);
    driver.fireTimer(care, RECOVERY_CHECK_DUE);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(70000L);

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "완치 확인", "recovered", true, "treatmentCostAdded", 12500L);

    assertThat(care).isEnded().hasPassed(CARE_COMPLETED);
    assertThat(driver.historicValue(care, "treatmentCostTotal")).isEqualTo(82500L);
  }

  @Test
  void negativeTreatmentCostIsRejectedAndChangesNothing() {
    ProcessInstance care = atVisit("daejeon");
    driver.complete(care, VISIT_CUSTOMER, "region-daejeon1",
        "careNotes", "병원 동행", "recovered", false, "treatmentCostAdded", 50000L);
    driver.fireTimer(care, RECOVERY_CHECK_DUE);
    Task check = driver.task(care, CHECK_RECOVERY);

    assertThatThrownBy(() -> driver.complete(care, CHECK_RECOVERY, "region-daejeon1",
            "recoveryNotes", "환불 처리", "recovered", true, "treatmentCostAdded", -10000L))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("추가 치료비: ");

    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY).getId()).isEqualTo(check.getId());
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(50000L);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostAdded")).isNull();
    assertThat(runtimeService.getVariable(care.getId(), "recovered")).isEqualTo(false);
    assertThat(runtimeService.getVariable(care.getId(), "recoveryNotes")).isNull();
  }

  @Test
  void aVisitScheduledWithinItsSlaNeedsNoLeadAndTheVisitIsDueAtTheAgreedTime() {
    // Wednesday afternoon before 추석 (Thu–Sat) and a Sunday: counted in business days, the holidays do not count.
    Date requested = kst("2026-09-23T15:00");
    ClockUtil.setCurrentTime(requested);
    try {
      ProcessInstance care = startCare("busan");
      Date due = slaDue("VISIT_SCHEDULING", requested);
      assertThat(driver.task(care, SCHEDULE_VISIT).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(care)).as("the timer reads the same row as the task").containsExactly(due);

      ClockUtil.setCurrentTime(minutesFrom(due, -1));
      driver.executeJobs(care);
      assertThat(care).isWaitingAtExactly(SCHEDULE_VISIT);

      // The visit the day after, at 14:30 Korean time whatever the server's time zone.
      LocalDateTime visitAt = due.toInstant().atZone(BusinessCalendar.KOREA).toLocalDate().plusDays(1).atTime(14, 30);
      driver.complete(care, SCHEDULE_VISIT, "region-busan1", "visitAt", visitAt.toString());
      assertThat(driver.task(care, VISIT_CUSTOMER).getDueDate())
          .isEqualTo(Date.from(visitAt.atZone(BusinessCalendar.KOREA).toInstant()));

      ClockUtil.setCurrentTime(minutesFrom(due, 1));
      driver.executeJobs(care);
      assertThat(care).isWaitingAtExactly(VISIT_CUSTOMER).hasNotPassed(ESCALATE_VISIT_SCHEDULING);
      assertThat(driver.timerDueDates(care)).as("the SLA timer went with the completed task; the visit's own is left")
          .containsExactly(Date.from(visitAt.atZone(BusinessCalendar.KOREA).toInstant()));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aVisitNotScheduledWithinItsSlaGoesToTheLeadWhileTheRegionKeepsTheTask() {
    // Friday 16:00: counted in business days, the weekend does not count.
    Date requested = kst("2026-11-20T16:00");
    ClockUtil.setCurrentTime(requested);
    try {
      ProcessInstance care = startCare("daegu");

      Task escalation = escalatedAfter(care, slaDue("VISIT_SCHEDULING", requested), SCHEDULE_VISIT, ESCALATE_VISIT_SCHEDULING);
      assertTheLeadIsAsked(escalation, "늦어진 방문 일정 조치");
      assertThat(care).isWaitingAtExactly(SCHEDULE_VISIT, ESCALATE_VISIT_SCHEDULING);

      driver.complete(care, ESCALATE_VISIT_SCHEDULING, "cs-lead1",
          "visitSchedulingDelayAction", "부산 사업부와 통화, 내일 오전 방문으로 고객 안내");
      assertThat(care).hasPassed(VISIT_SCHEDULING_ESCALATED).isWaitingAtExactly(SCHEDULE_VISIT);
      assertThat(driver.timerDueDates(care)).as("the lead is told once").isEmpty();

      LocalDateTime visitAt = ClockUtil.getCurrentTime().toInstant().atZone(BusinessCalendar.KOREA).toLocalDate().plusDays(1)
          .atTime(10, 0);
      driver.complete(care, SCHEDULE_VISIT, "region-daegu1", "visitAt", visitAt.toString());
      assertThat(care).isWaitingAtExactly(VISIT_CUSTOMER);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void recoveryIsCheckedAtTheTablesIntervalAndNoTimerIsLeftOnceTheCustomerHasRecovered() {
    ClockUtil.setCurrentTime(kst("2026-09-17T10:00"));
    try {
      ProcessInstance care = atVisit("busan");
      driver.complete(care, VISIT_CUSTOMER, "region-busan1",
          "careNotes", "접촉성 피부염 소견", "recovered", false, "treatmentCostAdded", 50000L);

      // Thursday: the first check comes the table's interval later.
      assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);
      Date firstCheck = slaDue("RECOVERY_CHECK_INTERVAL", kst("2026-09-17T10:00"));
      assertThat(driver.timerDueDates(care)).containsExactly(firstCheck);
      ClockUtil.setCurrentTime(minutesFrom(firstCheck, -1));
      driver.executeJobs(care);
      assertThat(driver.openTasks(care, CHECK_RECOVERY)).as("no check before its day").isEmpty();

      Date checkCreated = minutesFrom(firstCheck, 1);
      ClockUtil.setCurrentTime(checkCreated);
      driver.executeJobs(care);
      assertThat(driver.candidateGroups(driver.task(care, CHECK_RECOVERY))).containsExactly("region-busan");
      assertThat(driver.task(care, CHECK_RECOVERY).getDueDate()).as("a check is due as the table says")
          .isEqualTo(slaDue("RECOVERY_CHECK", checkCreated));
      assertThat(driver.timerDueDates(care)).as("its overdue timer reads the same row")
          .containsExactly(slaDue("RECOVERY_CHECK", checkCreated));
      Date checked = minutesFrom(firstCheck, 60);
      ClockUtil.setCurrentTime(checked);
      driver.complete(care, CHECK_RECOVERY, "region-busan1",
          "recoveryNotes", "감염으로 악화, 재진료", "recovered", false, "treatmentCostAdded", 20000L);

      // The next interval counts from the check (in business days across 추석 when it falls in it).
      Date secondCheck = slaDue("RECOVERY_CHECK_INTERVAL", checked);
      assertThat(driver.timerDueDates(care)).containsExactly(secondCheck);
      ClockUtil.setCurrentTime(minutesFrom(secondCheck, -1));
      driver.executeJobs(care);
      assertThat(care).isWaitingAtExactly(RECOVERY_CHECK_DUE);

      ClockUtil.setCurrentTime(minutesFrom(secondCheck, 1));
      driver.executeJobs(care);
      driver.complete(care, CHECK_RECOVERY, "region-busan1",
          "recoveryNotes", "완치 확인", "recovered", true, "treatmentCostAdded", 12500L);

      assertThat(care).isEnded().hasPassed(CARE_COMPLETED).hasNotPassed(ESCALATE_RECOVERY_CHECK);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(care.getId())
          .activityId(CHECK_RECOVERY).count()).isEqualTo(2);
      assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(care.getId()).count())
          .as("no timer job after recovery").isZero();
      assertThat(driver.historicValue(care, "treatmentCostTotal")).isEqualTo(82500L);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void atTheAgreedVisitTimeTheRegionIsRemindedToReportWhileTheVisitStaysWithIt() {
    Date scheduled = kst("2026-11-23T11:00");
    ClockUtil.setCurrentTime(scheduled);
    try {
      ProcessInstance care = startCare("busan");
      driver.complete(care, SCHEDULE_VISIT, "region-busan1", "visitAt", "2026-11-24T14:30");
      Date visitAt = kst("2026-11-24T14:30");
      String visit = driver.task(care, VISIT_CUSTOMER).getId();
      assertThat(driver.task(care, VISIT_CUSTOMER).getDueDate()).isEqualTo(visitAt);
      assertThat(driver.timerDueDates(care)).as("the timer is the visit's due date").containsExactly(visitAt);

      ClockUtil.setCurrentTime(minutesFrom(visitAt, -1));
      driver.executeJobs(care);
      assertThat(reminders).as("no reminder before the visit time").isEmpty();

      ClockUtil.setCurrentTime(minutesFrom(visitAt, 1));
      driver.executeJobs(care);
      assertThat(reminders).containsExactly(VISIT_CUSTOMER + ": 고객과 약속한 방문 시각입니다. 방문 결과를 기록하세요");
      assertThat(care).hasPassedInOrder(VISIT_TIME_REACHED, REMIND_VISIT_REPORT, VISIT_REPORT_REMINDED)
          .isWaitingAtExactly(VISIT_CUSTOMER);
      assertThat(driver.task(care, VISIT_CUSTOMER).getId()).as("the region keeps the visit").isEqualTo(visit);
      assertThat(driver.timerDueDates(care)).as("reminded once").isEmpty();

      driver.complete(care, VISIT_CUSTOMER, "region-busan1", "careNotes", "완치 확인", "recovered", true);
      assertThat(care).isEnded().hasPassed(CARE_COMPLETED);
      assertThat(reminders).hasSize(1);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aVisitReportedByTheAgreedTimeRemindsNobody() {
    ClockUtil.setCurrentTime(kst("2026-11-23T11:00"));
    try {
      ProcessInstance care = startCare("gwangju");
      driver.complete(care, SCHEDULE_VISIT, "region-gwangju1", "visitAt", "2026-11-24T14:30");
      Date visitAt = kst("2026-11-24T14:30");

      ClockUtil.setCurrentTime(minutesFrom(visitAt, -10));
      driver.complete(care, VISIT_CUSTOMER, "region-gwangju1", "careNotes", "방문 완료, 완치 확인", "recovered", true);
      ClockUtil.setCurrentTime(minutesFrom(visitAt, 1));
      driver.executeJobs(care);

      assertThat(care).isEnded().hasPassed(CARE_COMPLETED).hasNotPassed(VISIT_TIME_REACHED, REMIND_VISIT_REPORT);
      assertThat(reminders).isEmpty();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aRecoveryCheckOverItsSlaGoesToTheLeadWhileTheRegionKeepsTheCheck() {
    // Friday 16:00: the check's SLA counts business days, so the weekend does not count.
    Date visited = kst("2026-11-13T16:00");
    ClockUtil.setCurrentTime(visited);
    try {
      ProcessInstance care = atVisit("daegu");
      driver.complete(care, VISIT_CUSTOMER, "region-daegu1",
          "careNotes", "접촉성 피부염 소견", "recovered", false, "treatmentCostAdded", 50000L);
      Date checkCreated = minutesFrom(slaDue("RECOVERY_CHECK_INTERVAL", visited), 1);
      ClockUtil.setCurrentTime(checkCreated);
      driver.executeJobs(care);
      Date due = slaDue("RECOVERY_CHECK", checkCreated);
      assertThat(driver.task(care, CHECK_RECOVERY).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(care)).as("the overdue timer reads the same row as the task").containsExactly(due);

      Task escalation = escalatedAfter(care, due, CHECK_RECOVERY, ESCALATE_RECOVERY_CHECK);
      assertTheLeadIsAsked(escalation, "늦어진 회복 경과 확인 조치");
      assertThat(care).isWaitingAtExactly(CHECK_RECOVERY, ESCALATE_RECOVERY_CHECK);

      driver.complete(care, ESCALATE_RECOVERY_CHECK, "cs-lead1",
          "recoveryCheckDelayAction", "대구 사업부와 통화, 오늘 오후 고객에게 경과 확인 전화");
      assertThat(care).hasPassed(RECOVERY_CHECK_ESCALATED).isWaitingAtExactly(CHECK_RECOVERY);
      assertThat(driver.timerDueDates(care)).as("the lead is told once").isEmpty();

      driver.complete(care, CHECK_RECOVERY, "region-daegu1", "recoveryNotes", "완치 확인", "recovered", true);
      assertThat(care).isEnded().hasPassed(CARE_COMPLETED);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Regions have no lead group of their own: late care goes to the CS lead, as a delay in answering the customer. */
  private void assertTheLeadIsAsked(Task escalation, String name) {
    assertThat(driver.candidateGroups(escalation)).containsExactly("cs-lead");
    assertThat(escalation.getName()).isEqualTo(name);
    assertThat(escalation.getPriority()).isEqualTo(90);
  }

  private ProcessInstance startCare(String region) {
    String caseNumber = TestData.unique("C-CARE");
    return runtimeService.startProcessInstanceByKey("care-visit", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber)
        .putValue("region", region)
        .putValue("priority", "P1")
        .putValue("category", "HEALTH_HARM")
        .putValue("customerName", "김민지")
        .putValue("customerPhone", "010-2345-6789")
        .putValue("description", "제품 사용 한 달 후 피부 염증")
        .putValue("contactNotes", "방문 동의함"));
  }

  private ProcessInstance atVisit(String region) {
    ProcessInstance care = startCare(region);
    driver.complete(care, SCHEDULE_VISIT, "region-" + region + "1", "visitAt", "2026-03-02T10:00");
    return care;
  }
}
