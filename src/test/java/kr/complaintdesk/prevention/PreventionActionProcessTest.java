package kr.complaintdesk.prevention;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.Date;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.notification.CustomerMessages;
import kr.complaintdesk.notification.MessageTemplate;
import kr.complaintdesk.support.ModelTestBase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prevention action ({@code processes/prevention-action.bpmn}) on the models alone. Cases join an action
 * through the real {@link LinkPreventionCaseDelegate}; the improvement notice goes through the real
 * {@link NotifyImprovementDelegate} to a mock of the customer-message outbox, whose calls are checked. That the
 * outbox leaves out customers who opted out is the outbox's own rule, tested with its table in
 * {@code CustomerMessageOutboxTest}.
 */
class PreventionActionProcessTest extends ModelTestBase {

  static final String PLAN = "UserTask_PlanAction";
  static final String IMPLEMENT = "UserTask_ImplementAction";
  static final String REVIEW_DUE = "IntermediateCatchEvent_EffectivenessReviewDue";
  static final String REVIEW = "UserTask_ReviewEffectiveness";
  static final String ESCALATE_REVIEW = "UserTask_EscalateEffectivenessReview";
  static final String REVIEW_ESCALATED = "EndEvent_EffectivenessReviewEscalated";
  static final String NOTIFY_CUSTOMERS = "ServiceTask_NotifyCustomers";
  static final String LINK_CASE = "ServiceTask_LinkCase";
  static final String PREVENTION_COMPLETED = "EndEvent_PreventionCompleted";
  static final String ESCALATE_PLAN = "UserTask_EscalatePlan";
  static final String PLAN_ESCALATED = "EndEvent_PlanEscalated";
  static final String ESCALATE_IMPLEMENTATION = "UserTask_EscalateImplementation";
  static final String IMPLEMENTATION_ESCALATED = "EndEvent_ImplementationEscalated";

  final CustomerMessages messages = mock(CustomerMessages.class);

  @BeforeEach
  void registerBeans() {
    Mocks.register("linkPreventionCase", new LinkPreventionCaseDelegate());
    Mocks.register("notifyImprovement", new NotifyImprovementDelegate(messages));
  }

  @ParameterizedTest(name = "{0} is owned by {1}")
  @CsvSource({
    "MOULD_DEFECT, quality",
    "INSUFFICIENT_PACKING, logistics",
    "SERVICE_FAILURE, cs-lead"
  })
  void theDepartmentOwningTheRootCausePlansImplementsAndReviewsTheAction(RootCause rootCause, String ownerGroup) {
    ProcessInstance action = requestPrevention(uniqueProduct(), rootCause, "C-2026-000101");

    assertThat(action).isWaitingAtExactly(PLAN).hasVariables("preventionKey", "linkedCaseNumbers");
    assertThat(driver.candidateGroups(driver.task(action, PLAN))).containsExactly(ownerGroup);

    driver.complete(action, PLAN, ownerGroup + "1", "actionPlan", "조치 계획", "actionDueOn", "2026-04-30T00:00");
    assertThat(action).isWaitingAtExactly(IMPLEMENT);
    assertThat(driver.candidateGroups(driver.task(action, IMPLEMENT))).containsExactly(ownerGroup);

    driver.complete(action, IMPLEMENT, ownerGroup + "1", "implementationNotes", "조치 완료");
    assertThat(action).isWaitingAtExactly(REVIEW_DUE);
    driver.fireTimer(action, REVIEW_DUE);
    assertThat(action).isWaitingAtExactly(REVIEW);
    assertThat(driver.task(action, REVIEW)).hasCandidateGroup(ownerGroup);
    assertThat(driver.candidateGroups(driver.task(action, REVIEW))).containsExactly(ownerGroup);
  }

  @Test
  void complaintWithTheSameProductAndCauseJoinsTheOpenActionInsteadOfStartingAnother() {
    String productCode = uniqueProduct();
    ProcessInstance action = requestPrevention(productCode, RootCause.MOULD_DEFECT, "C-2026-000201");
    String key = action.getBusinessKey();
    Task plan = driver.task(action, PLAN);
    taskService.claim(plan.getId(), "quality1");

    reportSameCause(key, "C-2026-000202");

    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("prevention-action").processInstanceBusinessKey(key).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(action.getId(), "linkedCaseNumbers"))
        .isEqualTo("C-2026-000201, C-2026-000202");
    assertThat(action).hasPassed(LINK_CASE).isWaitingAtExactly(PLAN);
    Task planAfter = driver.task(action, PLAN);
    assertThat(planAfter.getId()).isEqualTo(plan.getId());
    assertThat(planAfter).isAssignedTo("quality1");

    driver.complete(action, PLAN, "quality1", "actionPlan", "금형 수정", "actionDueOn", "2026-04-30T00:00");
    reportSameCause(key, "C-2026-000203");
    reportSameCause(key, "C-2026-000202");

    assertThat(runtimeService.getVariable(action.getId(), "linkedCaseNumbers"))
        .as("a case joins once however often it is reported")
        .isEqualTo("C-2026-000201, C-2026-000202, C-2026-000203");
    assertThat(action).isWaitingAtExactly(IMPLEMENT);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("prevention-action").processInstanceBusinessKey(key).count()).isEqualTo(1);
  }

  @Test
  void ineffectiveActionIsPlannedAgain() {
    ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.INSUFFICIENT_PACKING, "C-2026-000301");
    String firstPlan = driver.task(action, PLAN).getId();
    implement(action, "logistics1");

    driver.complete(action, REVIEW, "logistics1", "effective", false, "reviewNotes", "파손 불만 계속 접수", "notifyCustomers", false);

    assertThat(action).isWaitingAtExactly(PLAN).hasNotPassed(NOTIFY_CUSTOMERS, PREVENTION_COMPLETED);
    assertThat(driver.task(action, PLAN).getId()).isNotEqualTo(firstPlan);
    assertThat(driver.candidateGroups(driver.task(action, PLAN))).containsExactly("logistics");

    implement(action, "logistics1");
    driver.complete(action, REVIEW, "logistics1", "effective", true, "reviewNotes", "파손 불만 없음", "notifyCustomers", false);
    assertThat(action).isEnded().hasPassed(PREVENTION_COMPLETED);
  }

  @Test
  void effectiveActionEndsAndTellsTheCustomersWhenAsked() {
    String first = TestData.unique("C-PREVENTION");
    String second = TestData.unique("C-PREVENTION");
    ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.MOULD_DEFECT, first);
    reportSameCause(action.getBusinessKey(), second);
    implement(action, "quality1");

    driver.complete(action, REVIEW, "quality1", "effective", true, "reviewNotes", "균열 불만 0건", "notifyCustomers", true);

    // The notice goes through the outbox: an asynchronous job that is retried on failure.
    assertThat(action).isWaitingAt(NOTIFY_CUSTOMERS);
    verifyNoInteractions(messages);
    driver.executeJobs(action);
    assertThat(action).isEnded().hasPassedInOrder(REVIEW, NOTIFY_CUSTOMERS, PREVENTION_COMPLETED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(action.getId())
        .variableName("customersNotified").singleResult().getValue()).isEqualTo(true);
    // One notice per linked case, each under a reference of its own so that a retried job sends it once.
    String key = action.getBusinessKey();
    verify(messages).send(first + ":IMPROVEMENT_NOTICE:" + key, first, MessageTemplate.IMPROVEMENT_NOTICE);
    verify(messages).send(second + ":IMPROVEMENT_NOTICE:" + key, second, MessageTemplate.IMPROVEMENT_NOTICE);
    verifyNoMoreInteractions(messages);
  }

  @Test
  void effectiveActionEndsWithoutTellingCustomersWhenNotAsked() {
    ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.SERVICE_FAILURE, "C-2026-000501");
    implement(action, "cs-lead1");

    driver.complete(action, REVIEW, "cs-lead1", "effective", true, "reviewNotes", "매뉴얼 개정 효과 확인", "notifyCustomers", false);

    assertThat(action).isEnded().hasPassed(PREVENTION_COMPLETED).hasNotPassed(NOTIFY_CUSTOMERS);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(action.getId())
        .variableName("customersNotified").count()).isZero();
    verifyNoInteractions(messages);
  }

  @Test
  void effectivenessIsReviewedAfterTheObservationPeriodWithinItsSla() {
    // Implemented Thursday 3 September: the observation period counts calendar days, so it may end on a
    // holiday (day 30 is 개천절); the review then counts business days from the next opening.
    Date implemented = kst("2026-09-03T10:00");
    ClockUtil.setCurrentTime(implemented);
    try {
      ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.MOULD_DEFECT, "C-2026-000601");
      implementNow(action, "quality1");
      assertThat(action).isWaitingAtExactly(REVIEW_DUE);
      Date reviewDue = slaDue("EFFECTIVENESS_REVIEW_WAIT", implemented);
      assertThat(driver.timerDueDates(action)).containsExactly(reviewDue);

      ClockUtil.setCurrentTime(minutesFrom(reviewDue, -1));
      driver.executeJobs(action);
      assertThat(driver.openTasks(action, REVIEW)).as("no review before the period is over").isEmpty();

      Date reviewCreated = minutesFrom(reviewDue, 1);
      ClockUtil.setCurrentTime(reviewCreated);
      driver.executeJobs(action);
      Task review = driver.task(action, REVIEW);
      assertThat(driver.candidateGroups(review)).containsExactly("quality");
      Date due = slaDue("EFFECTIVENESS_REVIEW", reviewCreated);
      assertThat(review.getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(action)).as("the overdue timer reads the same row").containsExactly(due);

      ClockUtil.setCurrentTime(minutesFrom(due, -60));
      driver.complete(action, REVIEW, "quality1", "effective", true, "reviewNotes", "균열 불만 0건", "notifyCustomers", false);
      ClockUtil.setCurrentTime(minutesFrom(due, 1));
      driver.executeJobs(action);
      assertThat(action).isEnded().hasPassed(PREVENTION_COMPLETED).hasNotPassed(ESCALATE_REVIEW);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aReviewOverItsSlaGoesToTheCustomerSatisfactionDirector() {
    Date implemented = kst("2026-09-03T10:00");
    ClockUtil.setCurrentTime(implemented);
    try {
      // The CS manual's own owner is the lead, so an overdue review goes above the lead.
      ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.SERVICE_FAILURE, "C-2026-000701");
      implementNow(action, "cs-lead1");
      Date reviewCreated = minutesFrom(slaDue("EFFECTIVENESS_REVIEW_WAIT", implemented), 1);
      ClockUtil.setCurrentTime(reviewCreated);
      driver.executeJobs(action);
      Task escalation = escalatedAfter(action, slaDue("EFFECTIVENESS_REVIEW", reviewCreated), REVIEW, ESCALATE_REVIEW);
      assertTheDirectorIsAsked(escalation, "늦어진 효과성 검토 조치");
      assertThat(action).isWaitingAtExactly(REVIEW, ESCALATE_REVIEW);

      driver.complete(action, ESCALATE_REVIEW, "cs-director1", "reviewDelayAction", "팀장과 10월 16일까지 검토하기로 함");
      assertThat(action).hasPassed(REVIEW_ESCALATED).isWaitingAtExactly(REVIEW);
      assertThat(driver.timerDueDates(action)).as("the director is told once").isEmpty();

      driver.complete(action, REVIEW, "cs-lead1", "effective", true, "reviewNotes", "매뉴얼 개정 효과 확인", "notifyCustomers", false);
      assertThat(action).isEnded().hasPassed(PREVENTION_COMPLETED);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aPlanAndAnImplementationWithinTheirSlasNeedNoDirector() {
    // Monday 9 November: both SLAs count business days.
    Date requested = kst("2026-11-09T10:00");
    ClockUtil.setCurrentTime(requested);
    try {
      ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.MOULD_DEFECT, "C-2026-000801");
      Date planDue = slaDue("PREVENTION_PLAN", requested);
      assertThat(driver.task(action, PLAN).getDueDate()).isEqualTo(planDue);
      assertThat(driver.timerDueDates(action)).as("the overdue timer reads the same row as the plan").containsExactly(planDue);

      Date planned = minutesFrom(planDue, -60);
      ClockUtil.setCurrentTime(planned);
      driver.complete(action, PLAN, "quality1", "actionPlan", "금형 수정", "actionDueOn", "2026-12-18T00:00");
      Date implementationDue = slaDue("PREVENTION_IMPLEMENTATION", planned);
      assertThat(driver.task(action, IMPLEMENT).getDueDate()).isEqualTo(implementationDue);
      assertThat(driver.timerDueDates(action)).as("the plan's timer went with it; the implementation's reads its row")
          .containsExactly(implementationDue);
      ClockUtil.setCurrentTime(minutesFrom(planDue, 1));
      driver.executeJobs(action);
      assertThat(action).isWaitingAtExactly(IMPLEMENT);

      ClockUtil.setCurrentTime(minutesFrom(implementationDue, -60));
      driver.complete(action, IMPLEMENT, "quality1", "implementationNotes", "금형 수정 완료");
      ClockUtil.setCurrentTime(minutesFrom(implementationDue, 1));
      driver.executeJobs(action);

      assertThat(action).isWaitingAtExactly(REVIEW_DUE).hasNotPassed(ESCALATE_PLAN, ESCALATE_IMPLEMENTATION);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aPlanOverItsSlaGoesToTheCustomerSatisfactionDirectorWhileTheOwnerKeepsIt() {
    Date requested = kst("2026-11-09T10:00");
    ClockUtil.setCurrentTime(requested);
    try {
      // The CS manual's own owner is the lead, so an overdue plan goes above the lead.
      ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.SERVICE_FAILURE, "C-2026-000901");

      Task escalation = escalatedAfter(action, slaDue("PREVENTION_PLAN", requested), PLAN, ESCALATE_PLAN);
      assertTheDirectorIsAsked(escalation, "늦어진 재발 방지 계획 조치");
      assertThat(action).isWaitingAtExactly(PLAN, ESCALATE_PLAN);

      driver.complete(action, ESCALATE_PLAN, "cs-director1", "planDelayAction", "팀장과 이번 주 안에 계획을 세우기로 함");
      assertThat(action).hasPassed(PLAN_ESCALATED).isWaitingAtExactly(PLAN);
      assertThat(driver.timerDueDates(action)).as("the director is told once").isEmpty();

      driver.complete(action, PLAN, "cs-lead1", "actionPlan", "상담 매뉴얼 개정", "actionDueOn", "2026-12-31T00:00");
      assertThat(action).isWaitingAtExactly(IMPLEMENT);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void anImplementationOverItsSlaGoesToTheCustomerSatisfactionDirectorWhileTheOwnerKeepsIt() {
    Date planned = kst("2026-11-09T10:00");
    ClockUtil.setCurrentTime(planned);
    try {
      ProcessInstance action = requestPrevention(uniqueProduct(), RootCause.INSUFFICIENT_PACKING, "C-2026-001001");
      driver.complete(action, PLAN, "logistics1", "actionPlan", "완충 포장 강화", "actionDueOn", "2026-12-04T00:00");
      Date due = slaDue("PREVENTION_IMPLEMENTATION", planned);
      assertThat(driver.task(action, IMPLEMENT).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(action)).as("the overdue timer reads the same row as the task").containsExactly(due);

      Task escalation = escalatedAfter(action, due, IMPLEMENT, ESCALATE_IMPLEMENTATION);
      assertTheDirectorIsAsked(escalation, "늦어진 재발 방지 실행 조치");
      assertThat(action).isWaitingAtExactly(IMPLEMENT, ESCALATE_IMPLEMENTATION);

      driver.complete(action, ESCALATE_IMPLEMENTATION, "cs-director1",
          "implementationDelayAction", "포장재 입고 지연, 물류팀과 다음 주 금요일까지로 다시 정함");
      assertThat(action).hasPassed(IMPLEMENTATION_ESCALATED).isWaitingAtExactly(IMPLEMENT);
      assertThat(driver.timerDueDates(action)).as("the director is told once").isEmpty();

      driver.complete(action, IMPLEMENT, "logistics1", "implementationNotes", "완충 포장 적용");
      assertThat(action).isWaitingAtExactly(REVIEW_DUE);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Late prevention work goes to the director, above every owning department (the CS manual's owner is the lead). */
  private void assertTheDirectorIsAsked(Task escalation, String name) {
    assertThat(driver.candidateGroups(escalation)).containsExactly("cs-director");
    assertThat(escalation.getName()).isEqualTo(name);
    assertThat(escalation.getPriority()).isEqualTo(85);
  }

  /** Starts the action the way {@link RequestPreventionDelegate} does for a case with company fault. */
  private ProcessInstance requestPrevention(String productCode, RootCause rootCause, String caseNumber) {
    String key = RequestPreventionDelegate.preventionKey(productCode, rootCause);
    return runtimeService.createMessageCorrelation(RequestPreventionDelegate.MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariables(Variables.createVariables()
            .putValue("preventionKey", key)
            .putValue("productCode", productCode)
            .putValue("productName", "커스텀 폰 케이스")
            .putValue("rootCause", rootCause.name())
            .putValue("preventionOwnerGroup", rootCause.ownerGroup())
            .putValue("sourceCaseNumber", caseNumber)
            .putValue("linkedCaseNumbers", caseNumber))
        .correlateStartMessage();
  }

  /** Joins an open action the way {@link RequestPreventionDelegate} does. */
  private void reportSameCause(String key, String caseNumber) {
    runtimeService.createMessageCorrelation(RequestPreventionDelegate.MESSAGE)
        .processInstanceBusinessKey(key)
        .setVariableLocal(CaseVariables.REPORTED_CASE_NUMBER, caseNumber)
        .correlateWithResult();
  }

  private void implement(ProcessInstance action, String userId) {
    driver.complete(action, PLAN, userId, "actionPlan", "조치 계획", "actionDueOn", "2026-04-30T00:00");
    driver.complete(action, IMPLEMENT, userId, "implementationNotes", "조치 실행");
    driver.fireTimer(action, REVIEW_DUE);
  }

  /** Plans and implements the action at the engine clock's time, leaving the observation period to the test. */
  private void implementNow(ProcessInstance action, String userId) {
    driver.complete(action, PLAN, userId, "actionPlan", "조치 계획", "actionDueOn", "2026-09-03T00:00");
    driver.complete(action, IMPLEMENT, userId, "implementationNotes", "조치 실행");
  }

  /** A product no other test has an action for: an open action of another test would take the case in. */
  private static String uniqueProduct() {
    return TestData.unique("pc");
  }
}
