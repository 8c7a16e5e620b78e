package kr.complaintdesk.analysis;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static kr.complaintdesk.support.KoreanTime.kst;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kr.complaintdesk.analysis.ShipmentVariables.DelayKind;
import kr.complaintdesk.casefile.AwarenessDateListener;
import kr.complaintdesk.notification.CustomerMessages;
import kr.complaintdesk.notification.MessageTemplate;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.platform.sla.LegalDeadlines;
import kr.complaintdesk.timeline.Timeline;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.sla.LegalDeadline;
import kr.complaintdesk.support.ModelTestBase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The cause analysis ({@code processes/cause-analysis.bpmn}) on the models alone. What a chase says is late is
 * named by the real {@link NameLateWorkListener}, from the model and the service-levels table.
 */
class CauseAnalysisProcessTest extends ModelTestBase {

  static final String REVIEW_EVIDENCE = "UserTask_ReviewEvidence";
  static final String RECORD_EXPERT_OPINION = "UserTask_RecordExpertOpinion";
  static final String DECIDE_CAUSATION = "UserTask_DecideCausation";
  static final String REPORT_TO_REGULATOR = "UserTask_ReportToRegulator";
  static final String INSPECT_PRODUCT = "UserTask_InspectProduct";
  static final String INVESTIGATE_DELIVERY = "UserTask_InvestigateDelivery";
  static final String CONCLUDE_ANALYSIS = "UserTask_ConcludeAnalysis";
  static final String ANALYSIS_COMPLETED = "EndEvent_AnalysisCompleted";
  static final String CHASE_ANALYSIS = "UserTask_ChaseAnalysis";
  static final String WARN_REGULATOR_DEADLINE = "UserTask_WarnRegulatorDeadline";
  static final String ESCALATE_REGULATOR_REPORT = "UserTask_EscalateRegulatorReport";

  static final String SEND_DELAY_NOTICE = "ServiceTask_SendDelayNotice";

  final Timeline timeline = mock(Timeline.class);
  final CustomerMessages customerMessages = mock(CustomerMessages.class);

  @BeforeEach
  void registerBeans() {
    Mocks.register("nameLateWork", new NameLateWorkListener(serviceLevels));
    Mocks.register("awarenessDate", new AwarenessDateListener(timeline));
    Mocks.register("regulatorReportWarning", new RegulatorReportWarning(new LegalDeadlines(businessCalendar), businessCalendar));
    Mocks.register("keepShipmentOnCase", new KeepShipmentOnCaseListener(
        new CaseInstances(runtimeService, historyService, taskService), runtimeService));
    Mocks.register("requestCarrierClaim", new RequestCarrierClaimDelegate(
        new CaseInstances(runtimeService, historyService, taskService), runtimeService, timeline));
    Mocks.register("recordCarrierClaim", new RecordCarrierClaimListener(timeline));
    Mocks.register("sendDelayNotice", new SendDelayNoticeDelegate(customerMessages));
  }

  @Test
  void onlyTheSafetyLabAnalysesWhenOnlySafetyIsNeeded() {
    ProcessInstance analysis = startAnalysis(true, false, false);

    assertThat(analysis).isWaitingAtExactly(REVIEW_EVIDENCE);
    assertThat(driver.candidateGroups(driver.task(analysis, REVIEW_EVIDENCE))).containsExactly("safety-lab");

    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1",
        "evidenceReviewNotes", "사진상 접촉성 피부염", "expertOpinionNeeded", false);
    assertThat(analysis).isWaitingAtExactly(DECIDE_CAUSATION);
    assertThat(driver.candidateGroups(driver.task(analysis, DECIDE_CAUSATION))).containsExactly("safety-lab");

    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "POSSIBLE", "seriousAdverseEvent", false, "safetyFindings", "경미한 자극 반응");
    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);
    assertThat(driver.candidateGroups(driver.task(analysis, CONCLUDE_ANALYSIS))).containsExactly("cs-lead");

    conclude(analysis, "FORMULA_REACTION", "PARTIAL");
    assertThat(analysis).hasNotPassed(RECORD_EXPERT_OPINION, REPORT_TO_REGULATOR, INSPECT_PRODUCT, INVESTIGATE_DELIVERY);
  }

  @Test
  void onlyQualityInspectsWhenOnlyQualityIsNeeded() {
    ProcessInstance analysis = startAnalysis(false, true, false);

    assertThat(analysis).isWaitingAtExactly(INSPECT_PRODUCT);
    assertThat(driver.task(analysis, INSPECT_PRODUCT)).hasCandidateGroup("quality");
    assertThat(driver.candidateGroups(driver.task(analysis, INSPECT_PRODUCT))).containsExactly("quality");

    driver.complete(analysis, INSPECT_PRODUCT, "quality1",
        "lotInspected", true, "defectFound", true, "qualityFindings", "금형 불량으로 케이스 균열");
    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);

    conclude(analysis, "MOULD_DEFECT", "YES");
    assertThat(analysis).hasNotPassed(REVIEW_EVIDENCE, INVESTIGATE_DELIVERY);
  }

  @Test
  void onlyLogisticsInvestigatesWhenOnlyLogisticsIsNeeded() {
    ProcessInstance analysis = startAnalysis(false, false, true);

    assertThat(analysis).isWaitingAtExactly(INVESTIGATE_DELIVERY);
    assertThat(driver.task(analysis, INVESTIGATE_DELIVERY)).hasCandidateGroup("logistics");
    assertThat(driver.candidateGroups(driver.task(analysis, INVESTIGATE_DELIVERY))).containsExactly("logistics");

    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1",
        "trackingNumber", "CJ612345678901", "customsStatus", "NOT_APPLICABLE", "carrierLiable", false,
        "logisticsFindings", "운송 중 박스 파손");
    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);

    conclude(analysis, "TRANSIT_HANDLING", "YES");
    assertThat(analysis).hasNotPassed(REVIEW_EVIDENCE, INSPECT_PRODUCT);
  }

  @Test
  void allThreeAnalysesRunInParallelAndTheLeadConcludesOnlyWhenAllAreDone() {
    ProcessInstance analysis = startAnalysis(true, true, true);

    assertThat(analysis).isWaitingAtExactly(REVIEW_EVIDENCE, INSPECT_PRODUCT, INVESTIGATE_DELIVERY);

    driver.complete(analysis, INSPECT_PRODUCT, "quality1", "qualityFindings", "로트 이상 없음");
    assertThat(analysis).isNotWaitingAt(CONCLUDE_ANALYSIS);
    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "logisticsFindings", "배송 정상",
        "customsStatus", "NOT_APPLICABLE");
    assertThat(analysis).isNotWaitingAt(CONCLUDE_ANALYSIS);
    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1",
        "evidenceReviewNotes", "사진 검토", "expertOpinionNeeded", false);
    assertThat(analysis).isNotWaitingAt(CONCLUDE_ANALYSIS);
    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "CONFIRMED", "seriousAdverseEvent", false, "safetyFindings", "제품 원인 확인");

    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);
    assertThat(driver.openTasks(analysis, CONCLUDE_ANALYSIS)).as("the join fires once").hasSize(1);
    assertThat(driver.candidateGroups(driver.task(analysis, CONCLUDE_ANALYSIS))).containsExactly("cs-lead");
    conclude(analysis, "FORMULA_REACTION", "YES");
  }

  @Test
  void onlyTheNeededAnalysesRunInParallelAndTheJoinDoesNotWaitForTheOthers() {
    ProcessInstance analysis = startAnalysis(true, false, true);

    assertThat(analysis).isWaitingAtExactly(REVIEW_EVIDENCE, INVESTIGATE_DELIVERY);

    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "logisticsFindings", "통관 지연",
        "trackingNumber", "EMS-KR123456789", "customsStatus", "HELD");
    assertThat(analysis).isNotWaitingAt(CONCLUDE_ANALYSIS);
    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1",
        "evidenceReviewNotes", "증거 부족", "expertOpinionNeeded", false);
    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "NOT_RELATED", "seriousAdverseEvent", false, "safetyFindings", "제품과 무관");

    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);
    conclude(analysis, "CUSTOMS_HOLD", "PARTIAL");
    assertThat(analysis).hasNotPassed(INSPECT_PRODUCT);
  }

  @Test
  void expertOpinionIsRecordedWhenTheSafetyLabAsksForIt() {
    ProcessInstance analysis = startAnalysis(true, false, false);
    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1",
        "evidenceReviewNotes", "감염 의심", "expertOpinionNeeded", true);

    assertThat(analysis).isWaitingAtExactly(RECORD_EXPERT_OPINION);
    assertThat(driver.candidateGroups(driver.task(analysis, RECORD_EXPERT_OPINION))).containsExactly("safety-lab");

    driver.complete(analysis, RECORD_EXPERT_OPINION, "safety-lab1",
        "expertName", "피부과 전문의 박OO", "expertOpinion", "접촉성 피부염에서 시작된 감염");
    assertThat(analysis).isWaitingAtExactly(DECIDE_CAUSATION);

    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "POSSIBLE", "seriousAdverseEvent", false, "safetyFindings", "감염");
    conclude(analysis, "FORMULA_REACTION", "PARTIAL");
    assertThat(analysis).hasPassedInOrder(REVIEW_EVIDENCE, RECORD_EXPERT_OPINION, DECIDE_CAUSATION, CONCLUDE_ANALYSIS)
        .hasNotPassed(REPORT_TO_REGULATOR);
  }

  @Test
  void seriousAdverseEventIsReportedToTheRegulatorBeforeTheConclusion() {
    ProcessInstance analysis = startAnalysis(true, true, false);
    driver.complete(analysis, INSPECT_PRODUCT, "quality1", "qualityFindings", "로트 내 미생물 검출");
    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1",
        "evidenceReviewNotes", "입원 치료", "expertOpinionNeeded", false);
    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "CONFIRMED", "seriousAdverseEvent", true, "safetyFindings", "중대한 이상사례");

    assertThat(analysis).isWaitingAt(REPORT_TO_REGULATOR).isNotWaitingAt(CONCLUDE_ANALYSIS);
    assertThat(driver.candidateGroups(driver.task(analysis, REPORT_TO_REGULATOR))).containsExactly("safety-lab");

    driver.complete(analysis, REPORT_TO_REGULATOR, "safety-lab1",
        "regulatorReportReference", "MFDS-2026-0042", "regulatorReportedOn", "2026-03-05T09:00");
    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS);

    conclude(analysis, "CONTAMINATION", "YES");
    assertThat(analysis).hasPassedInOrder(DECIDE_CAUSATION, REPORT_TO_REGULATOR, CONCLUDE_ANALYSIS);
  }

  private void conclude(ProcessInstance analysis, String rootCause, String companyFault) {
    driver.complete(analysis, CONCLUDE_ANALYSIS, "cs-lead1",
        "rootCause", rootCause, "companyFault", companyFault, "analysisFindings", "원인 종합: " + rootCause);

    assertThat(analysis).isEnded().hasPassed(ANALYSIS_COMPLETED);
    Map<String, Object> outputs = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(analysis.getId()).list().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (first, second) -> second));
    assertThat(outputs).containsEntry("rootCause", rootCause)
        .containsEntry("companyFault", companyFault)
        .containsEntry("analysisFindings", "원인 종합: " + rootCause);
  }

  @Test
  void theRegulatorReportIsDueFifteenDaysFromTheDayTheCompanyLearnedOfTheEventNotFromTheVerdict() {
    // Learned of it on Monday 2 March 2026 (at intake); the safety lab's verdict comes ten days later.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T01:00:00Z")));
    try {
      ProcessInstance analysis = seriousAdverseEventKnownOn("2026-03-02");

      // 15 calendar days after 2 March, which does not count: 17 March, at closing time (18:00 in Seoul).
      Date due = Date.from(Instant.parse("2026-03-17T09:00:00Z"));
      assertThat(LegalDeadline.REGULATOR_REPORT.level().afterDay(java.time.LocalDate.parse("2026-03-02"), businessCalendar))
          .as("the law's number, counted from the day").isEqualTo(due);
      assertThat(driver.task(analysis, REPORT_TO_REGULATOR).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(analysis)).as("the timer reads the same deadline").contains(due);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theSafetyLabCorrectsTheAwarenessDateAndTheDeadlineFollows() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T01:00:00Z")));
    try {
      ProcessInstance analysis = startAnalysis(true, false, false, "2026-03-10");
      // The customer had written to the brand's SNS on 5 March; the company knew from then.
      driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "SNS 문의 확인",
          "expertOpinionNeeded", false, "adverseEventKnownOn", "2026-03-05");
      driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
          "productCausation", "CONFIRMED", "seriousAdverseEvent", true, "safetyFindings", "중대한 이상사례");

      Date due = Date.from(Instant.parse("2026-03-20T09:00:00Z"));
      assertThat(driver.task(analysis, REPORT_TO_REGULATOR).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(analysis)).contains(due);
      // The correction is on the case's timeline, from which day to which.
      verify(timeline).record(eq(analysis.getBusinessKey()), eq(Timeline.Kind.DECISION), eq("safety-lab1"),
          eq("회사가 이상 사례를 안 날 정정: 2026-03-10 → 2026-03-05"), anyString());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theSafetyLabCannotSetAnAwarenessDateInTheFutureOrBeforeTheProblemOccurred() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T01:00:00Z")));
    try {
      ProcessInstance analysis = startAnalysis(true, false, false, "2026-03-10");
      String review = driver.task(analysis, REVIEW_EVIDENCE).getId();

      assertThatThrownBy(() -> taskService.complete(review, Variables.createVariables()
          .putValue("evidenceReviewNotes", "검토").putValue("expertOpinionNeeded", false)
          .putValue("adverseEventKnownOn", "2026-03-13")))
          .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("미래의 날짜일 수 없습니다");
      assertThatThrownBy(() -> taskService.complete(review, Variables.createVariables()
          .putValue("evidenceReviewNotes", "검토").putValue("expertOpinionNeeded", false)
          .putValue("adverseEventKnownOn", "2026-02-28")))
          .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("문제 발생일(2026-03-01)보다 앞설 수 없습니다");
      assertThatThrownBy(() -> taskService.complete(review, Variables.createVariables()
          .putValue("evidenceReviewNotes", "검토").putValue("expertOpinionNeeded", false)
          .putValue("adverseEventKnownOn", "2026-02-30")))
          .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("YYYY-MM-DD");
      // Emptying the field would drop the day the deadline counts from.
      assertThatThrownBy(() -> taskService.complete(review, Variables.createVariables()
          .putValue("evidenceReviewNotes", "검토").putValue("expertOpinionNeeded", false)
          .putValue("adverseEventKnownOn", " ")))
          .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("비워 둘 수 없습니다");

      assertThat(analysis).isWaitingAtExactly(REVIEW_EVIDENCE);
      assertThat(runtimeService.getVariable(analysis.getId(), "adverseEventKnownOn")).as("nothing saved").isEqualTo("2026-03-10");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aSeriousAdverseEventNotReportedWithinTheLegalDeadlineGoesToTheLead() {
    Instant verdict = Instant.parse("2026-03-02T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(verdict));
    try {
      ProcessInstance analysis = seriousAdverseEventKnownOn("2026-03-02");
      Date due = LegalDeadline.REGULATOR_REPORT.level().afterDay(java.time.LocalDate.parse("2026-03-02"), businessCalendar);
      assertThat(driver.task(analysis, REPORT_TO_REGULATOR).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(analysis)).as("the timer reads the same deadline").contains(due);

      ClockUtil.setCurrentTime(minutesFrom(due, 1));
      driver.executeJobs(analysis);

      assertThat(driver.candidateGroups(driver.task(analysis, "UserTask_EscalateRegulatorReport"))).containsExactly("cs-lead");
      assertThat(analysis).isWaitingAt(REPORT_TO_REGULATOR, "UserTask_EscalateRegulatorReport");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aCaseWithoutTheAwarenessDateCountsTheRegulatorReportFromTheVerdictAsBefore() {
    Instant verdict = Instant.parse("2026-03-02T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(verdict));
    try {
      ProcessInstance analysis = seriousAdverseEventKnownOn(null);
      Date due = Date.from(Instant.parse("2026-03-17T01:00:00Z"));
      assertThat(driver.task(analysis, REPORT_TO_REGULATOR).getDueDate()).isEqualTo(due);
      // The warning: opening time (09:00 in Seoul) of Friday 13 March, two business days before the deadline's day.
      assertThat(driver.timerDueDates(analysis)).containsExactlyInAnyOrder(due, Date.from(Instant.parse("2026-03-13T00:00:00Z")));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theVerdictAndTheConclusionAreDueByTheirRowsOfTheTable() {
    Date monday = Date.from(Instant.parse("2026-11-23T01:00:00Z")); // 10:00 in Seoul
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance analysis = startAnalysis(true, false, false);
      driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "사진 검토", "expertOpinionNeeded", false);
      assertThat(driver.task(analysis, DECIDE_CAUSATION).getDueDate()).isEqualTo(slaDue("CAUSATION_VERDICT", monday));
      driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
          "productCausation", "POSSIBLE", "seriousAdverseEvent", false, "safetyFindings", "경미한 자극");
      assertThat(driver.task(analysis, CONCLUDE_ANALYSIS).getDueDate()).isEqualTo(slaDue("ANALYSIS_CONCLUSION", monday));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void analysesOverTheirSlaInBusinessDaysAreChasedByTheLead() {
    Date monday = Date.from(Instant.parse("2026-11-23T01:00:00Z"));
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance analysis = startAnalysis(true, true, true);
      // What each analysis's chase says, by the moment its SLA runs out: the task's due date.
      Map<String, String> lateWork = Map.of(
          "EVIDENCE_REVIEW", "증거 검토 — 검토 SLA 지남",
          "QUALITY_INSPECTION", "제품·로트 검사 — 검사 SLA 지남",
          "DELIVERY_INVESTIGATION", "배송 경위 조사 — 조사 SLA 지남");
      Map<String, String> taskOf = Map.of("EVIDENCE_REVIEW", REVIEW_EVIDENCE, "QUALITY_INSPECTION", INSPECT_PRODUCT,
          "DELIVERY_INVESTIGATION", INVESTIGATE_DELIVERY);
      Map<String, Date> due = new TreeMap<>();
      taskOf.forEach((sla, task) -> {
        due.put(sla, slaDue(sla, monday));
        assertThat(driver.task(analysis, task).getDueDate()).as("due date of %s (%s)", task, sla).isEqualTo(due.get(sla));
      });
      assertThat(driver.timerDueDates(analysis)).as("each SLA timer reads the same row as its task")
          .containsExactlyInAnyOrderElementsOf(due.values());

      // Past each due moment in turn: exactly the analyses due by then are chased, each naming its SLA.
      for (Date moment : new TreeSet<>(due.values())) {
        ClockUtil.setCurrentTime(minutesFrom(moment, 1));
        driver.executeJobs(analysis);
        List<String> expected = due.entrySet().stream().filter(entry -> !entry.getValue().after(moment))
            .map(entry -> lateWork.get(entry.getKey()) + " (" + serviceLevels.level(entry.getKey()).text() + ")")
            .toList();
        assertThat(driver.openTasks(analysis, "UserTask_ChaseAnalysis")).hasSize(expected.size())
            .allSatisfy(task -> assertThat(driver.candidateGroups(task)).containsExactly("cs-lead"));
        assertThat(lateAnalyses(analysis)).as("each chase names what is late")
            .containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(analysis).isWaitingAt(REVIEW_EVIDENCE, INSPECT_PRODUCT, INVESTIGATE_DELIVERY, "UserTask_ChaseAnalysis");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void expertOpinionRecordedWithinItsSlaIsNotChased() {
    Date monday = Date.from(Instant.parse("2026-11-23T01:00:00Z")); // 10:00 in Seoul
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance analysis = startAnalysis(true, false, false);
      driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "감염 의심", "expertOpinionNeeded", true);
      Date due = slaDue("EXPERT_OPINION", monday);
      assertThat(driver.task(analysis, RECORD_EXPERT_OPINION).getDueDate()).isEqualTo(due);

      // The dermatologist's written opinion arrives just in time.
      ClockUtil.setCurrentTime(minutesFrom(due, -1));
      driver.complete(analysis, RECORD_EXPERT_OPINION, "safety-lab1",
          "expertName", "피부과 전문의 박OO", "expertOpinion", "접촉성 피부염");

      ClockUtil.setCurrentTime(minutesFrom(due, 24 * 60));
      driver.executeJobs(analysis);
      assertThat(driver.openTasks(analysis, "UserTask_ChaseAnalysis")).isEmpty();
      assertThat(analysis).isWaitingAtExactly(DECIDE_CAUSATION).hasNotPassed("BoundaryEvent_ExpertOpinionOverdue");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void expertOpinionLateOverItsSlaInBusinessDaysIsChasedByTheLead() {
    Date christmasEve = Date.from(Instant.parse("2026-12-24T01:00:00Z")); // Thursday 10:00 in Seoul
    ClockUtil.setCurrentTime(christmasEve);
    try {
      ProcessInstance analysis = startAnalysis(true, false, false);
      driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "감염 의심", "expertOpinionNeeded", true);
      // Counted as the table says from Christmas Eve: in business days, 성탄절, the weekend and 신정 do not count.
      Date due = slaDue("EXPERT_OPINION", christmasEve);
      assertThat(driver.task(analysis, RECORD_EXPERT_OPINION).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(analysis)).containsExactly(due);

      ClockUtil.setCurrentTime(minutesFrom(due, -1));
      driver.executeJobs(analysis);
      assertThat(driver.openTasks(analysis, "UserTask_ChaseAnalysis")).isEmpty();

      ClockUtil.setCurrentTime(minutesFrom(due, 1));
      driver.executeJobs(analysis);
      assertThat(driver.candidateGroups(driver.task(analysis, "UserTask_ChaseAnalysis"))).containsExactly("cs-lead");
      assertThat(analysis).isWaitingAtExactly(RECORD_EXPERT_OPINION, "UserTask_ChaseAnalysis")
          .hasPassed("BoundaryEvent_ExpertOpinionOverdue");

      driver.complete(analysis, "UserTask_ChaseAnalysis", "cs-lead1", "analysisChaseNotes", "전문의 회신 1월 6일로 재약속, 고객 안내");
      driver.complete(analysis, RECORD_EXPERT_OPINION, "safety-lab1", "expertName", "피부과 전문의", "expertOpinion", "2차 감염");
      assertThat(analysis).isWaitingAtExactly(DECIDE_CAUSATION);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The MFDS story on the engine clock: the company learned of the event on Monday 2 March 2026; the lab's verdict
   * is late and chased, the report is warned about before the law's deadline and escalated after it, every moment
   * counted from the awareness date, not from when a task appeared.
   */
  @Test
  void regulatorDeadlineCountsFromAwarenessDate() {
    Date tuesday = kst("2026-03-10T10:00");
    ClockUtil.setCurrentTime(tuesday);
    try {
      ProcessInstance analysis = startAnalysis(true, false, false, "2026-03-02");
      driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "입원 치료", "expertOpinionNeeded", false);

      // The verdict's due date and its overdue timer read the same row; past it, the lead chases the lab.
      Date verdictDue = slaDue("CAUSATION_VERDICT", tuesday);
      assertThat(driver.task(analysis, DECIDE_CAUSATION).getDueDate()).isEqualTo(verdictDue);
      assertThat(driver.timerDueDates(analysis)).containsExactly(verdictDue);
      ClockUtil.setCurrentTime(minutesFrom(verdictDue, -1));
      driver.executeJobs(analysis);
      assertThat(driver.openTasks(analysis, CHASE_ANALYSIS)).isEmpty();
      ClockUtil.setCurrentTime(minutesFrom(verdictDue, 1));
      driver.executeJobs(analysis);
      assertThat(driver.candidateGroups(driver.task(analysis, CHASE_ANALYSIS))).containsExactly("cs-lead");
      assertThat(lateAnalyses(analysis)).containsExactly(
          "제품 인과관계 판정 — 판정 SLA 지남 (" + serviceLevels.level("CAUSATION_VERDICT").text() + ")");

      driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
          "productCausation", "CONFIRMED", "seriousAdverseEvent", true, "safetyFindings", "중대한 이상사례");

      // 15 days after 2 March: Tuesday 17 March at closing time, whenever the report task appeared.
      Date legalDue = kst("2026-03-17T18:00");
      // Two business days before the deadline's day, at opening: Friday 13 March 09:00.
      Date warning = kst("2026-03-13T09:00");
      assertThat(driver.task(analysis, REPORT_TO_REGULATOR).getDueDate()).isEqualTo(legalDue);
      assertThat(driver.timerDueDates(analysis)).containsExactlyInAnyOrder(warning, legalDue);

      ClockUtil.setCurrentTime(minutesFrom(warning, -1));
      driver.executeJobs(analysis);
      assertThat(analysis).isNotWaitingAt(WARN_REGULATOR_DEADLINE);

      ClockUtil.setCurrentTime(minutesFrom(warning, 1));
      driver.executeJobs(analysis);
      assertThat(driver.candidateGroups(driver.task(analysis, WARN_REGULATOR_DEADLINE))).containsExactly("cs-lead");
      assertThat(driver.task(analysis, WARN_REGULATOR_DEADLINE).getDueDate()).as("an escalation is due at once")
          .isEqualTo(minutesFrom(warning, 1));
      assertThat(analysis).isWaitingAt(REPORT_TO_REGULATOR).isNotWaitingAt(ESCALATE_REGULATOR_REPORT);
      driver.complete(analysis, WARN_REGULATOR_DEADLINE, "cs-lead1", "regulatorDeadlineCheck", "16일 오전 보고 예정");

      ClockUtil.setCurrentTime(minutesFrom(legalDue, -1));
      driver.executeJobs(analysis);
      assertThat(analysis).isNotWaitingAt(ESCALATE_REGULATOR_REPORT);
      ClockUtil.setCurrentTime(minutesFrom(legalDue, 1));
      driver.executeJobs(analysis);
      assertThat(driver.candidateGroups(driver.task(analysis, ESCALATE_REGULATOR_REPORT))).containsExactly("cs-lead");
      assertThat(analysis).isWaitingAt(REPORT_TO_REGULATOR, ESCALATE_REGULATOR_REPORT);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aReportFiledBeforeTheWarningRaisesNoWarning() {
    ClockUtil.setCurrentTime(kst("2026-03-10T10:00"));
    try {
      ProcessInstance analysis = seriousAdverseEventKnownOn("2026-03-09");
      driver.complete(analysis, REPORT_TO_REGULATOR, "safety-lab1",
          "regulatorReportReference", "MFDS-2026-0077", "regulatorReportedOn", "2026-03-11T09:00");

      ClockUtil.setCurrentTime(kst("2026-03-30T10:00"));
      driver.executeJobs(analysis);
      assertThat(analysis).isWaitingAt(CONCLUDE_ANALYSIS).isNotWaitingAt(WARN_REGULATOR_DEADLINE, ESCALATE_REGULATOR_REPORT)
          .hasNotPassed("BoundaryEvent_RegulatorDeadlineNear", "BoundaryEvent_RegulatorDeadlinePassed");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aReportWhoseWarningMomentHasPassedWarnsTheLeadAtOnce() {
    // Learned on 2 March, verdict on Monday 16 March: the warning moment (13 March) lies behind.
    ClockUtil.setCurrentTime(kst("2026-03-16T10:00"));
    try {
      ProcessInstance analysis = seriousAdverseEventKnownOn("2026-03-02");
      driver.executeJobs(analysis);
      assertThat(driver.candidateGroups(driver.task(analysis, WARN_REGULATOR_DEADLINE))).containsExactly("cs-lead");
      assertThat(analysis).isNotWaitingAt(ESCALATE_REGULATOR_REPORT);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aConclusionOverItsSlaIsChasedByTheLead() {
    Date monday = kst("2026-11-23T10:00");
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance analysis = startAnalysis(false, true, false);
      driver.complete(analysis, INSPECT_PRODUCT, "quality1", "qualityFindings", "금형 불량");
      Date due = slaDue("ANALYSIS_CONCLUSION", monday);
      assertThat(driver.task(analysis, CONCLUDE_ANALYSIS).getDueDate()).isEqualTo(due);
      assertThat(driver.timerDueDates(analysis)).containsExactly(due);

      ClockUtil.setCurrentTime(minutesFrom(due, 1));
      driver.executeJobs(analysis);
      assertThat(lateAnalyses(analysis)).containsExactly(
          "원인 분석 결론 확정 — 결론 SLA 지남 (" + serviceLevels.level("ANALYSIS_CONCLUSION").text() + ")");
      assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS, CHASE_ANALYSIS);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aCarrierLiableForALostParcelGetsAClaimAndTheAnalysisDoesNotWaitForIt() {
    ProcessInstance analysis = startAnalysis(false, false, true);
    String caseNumber = analysis.getBusinessKey();
    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "trackingNumber", " cj612345678901 ",
        "customsStatus", "CLEARED", "carrierLiable", true, "logisticsFindings", "허브 터미널에서 분실");

    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS).hasPassed("ServiceTask_RequestCarrierClaim");
    ProcessInstance claim = driver.running(RequestCarrierClaimDelegate.PROCESS_KEY, caseNumber);
    assertThat(claim).isWaitingAtExactly("UserTask_FileCarrierClaim")
        .variables().containsEntry("trackingNumber", "CJ612345678901").containsEntry("caseNumber", caseNumber);
    assertThat(runtimeService.getVariable(analysis.getId(), "customsStatus")).isEqualTo("CLEARED");

    conclude(analysis, "TRANSIT_HANDLING", "PARTIAL");
    assertThat(claim).isActive();
    org.mockito.Mockito.verify(timeline).record(org.mockito.ArgumentMatchers.eq(caseNumber),
        org.mockito.ArgumentMatchers.eq(Timeline.Kind.DECISION), org.mockito.ArgumentMatchers.anyString(),
        org.mockito.ArgumentMatchers.eq("운송사 배상 청구 시작 (물류팀)"), org.mockito.ArgumentMatchers.contains("CJ612345678901"));
  }

  @Test
  void noCarrierClaimWhenTheCarrierIsNotLiable() {
    ProcessInstance analysis = startAnalysis(false, false, true);
    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "customsStatus", "HELD", "carrierLiable", false,
        "logisticsFindings", "세관 검사로 지연");
    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS).hasNotPassed("ServiceTask_RequestCarrierClaim");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RequestCarrierClaimDelegate.PROCESS_KEY)
        .processInstanceBusinessKey(analysis.getBusinessKey()).count()).isZero();
  }

  @Test
  void theInvestigationIsRefusedWithoutAKnownCustomsStatus() {
    ProcessInstance analysis = startAnalysis(false, false, true);
    String task = driver.task(analysis, INVESTIGATE_DELIVERY).getId();
    assertThatThrownBy(() -> taskService.complete(task, Variables.createVariables()
        .putValue("logisticsFindings", "조사").putValue("customsStatus", "LOST")))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining("NOT_APPLICABLE");
    assertThat(analysis).isWaitingAtExactly(INVESTIGATE_DELIVERY);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DelayKind.class)
  void eachKindOfDelayGetsItsOwnMessageSayingWhereTheParcelIsAndTheNewDate(DelayKind kind) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T01:00:00Z")));
    try {
      ProcessInstance analysis = startDelayAnalysis("DELIVERY_DELAY");
      String caseNumber = analysis.getBusinessKey();
      driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "customsStatus", "NOT_APPLICABLE",
          "delayKind", kind.name(), "parcelWhereabouts", " 인천 허브 터미널에서 분류 대기 중 ", "deliveryEta", "2026-12-10",
          "logisticsFindings", "허브 적체");

      assertThat(analysis).isWaitingAt(SEND_DELAY_NOTICE);
      org.mockito.Mockito.verifyNoInteractions(customerMessages);
      driver.executeJobs(analysis);

      assertThat(analysis).hasPassed(SEND_DELAY_NOTICE).isWaitingAtExactly(CONCLUDE_ANALYSIS);
      Map<String, String> facts = Map.of("whereabouts", "인천 허브 터미널에서 분류 대기 중", "eta", "2026년 12월 10일 (목)");
      org.mockito.Mockito.verify(customerMessages).send(caseNumber + ":" + SEND_DELAY_NOTICE, caseNumber, kind.message(), facts);
      assertThat(runtimeService.getVariables(analysis.getId())).containsEntry("delayKind", kind.name())
          .containsEntry("parcelWhereabouts", "인천 허브 터미널에서 분류 대기 중").containsEntry("deliveryEta", "2026-12-10");
      String body = kind.message().body(caseNumber, facts);
      assertThat(body).contains("인천 허브 터미널에서 분류 대기 중", "2026년 12월 10일 (목)", caseNumber)
          .as("when the customer hears from us next").contains("바로 알려 드리겠습니다")
          .doesNotContain("{", "}");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theThreeKindsOfDelayAreThreeDifferentReplies() {
    Map<String, String> facts = Map.of("whereabouts", "세관", "eta", "2026년 12월 10일 (목)");
    assertThat(List.of(DelayKind.values())).extracting(kind -> kind.message().body("C-2026-000001", facts))
        .doesNotHaveDuplicates();
    assertThatThrownBy(() -> MessageTemplate.DELAY_LATE.body("C-2026-000001"))
        .as("a delay message without its facts is not sent with a hole in it").hasMessageContaining("whereabouts");
  }

  @Test
  void aCustomsDelayAlsoGetsTheReplyOfItsKind() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T01:00:00Z")));
    try {
      ProcessInstance analysis = startDelayAnalysis("CUSTOMS_DELAY");
      driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "customsStatus", "HELD", "delayKind", "NO_TRACKING_NEWS",
          "parcelWhereabouts", "인천공항 세관 검사 중", "deliveryEta", "2026-12-07", "logisticsFindings", "통관 보류");
      driver.executeJobs(analysis);

      assertThat(analysis).hasPassed(SEND_DELAY_NOTICE);
      org.mockito.Mockito.verify(customerMessages).send(org.mockito.ArgumentMatchers.anyString(),
          org.mockito.ArgumentMatchers.eq(analysis.getBusinessKey()),
          org.mockito.ArgumentMatchers.eq(MessageTemplate.DELAY_NO_TRACKING_NEWS), org.mockito.ArgumentMatchers.anyMap());
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aLateParcelsInvestigationNeedsTheKindTheWhereaboutsAndADateNotPast() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T01:00:00Z")));
    try {
      ProcessInstance analysis = startDelayAnalysis("DELIVERY_DELAY");
      String task = driver.task(analysis, INVESTIGATE_DELIVERY).getId();
      Map<String, Object> complete = Map.of("customsStatus", "NOT_APPLICABLE", "logisticsFindings", "조사",
          "delayKind", "LATE", "parcelWhereabouts", "대전 허브", "deliveryEta", "2026-12-10");

      assertRefused(task, complete, "delayKind", null, "지연 유형: ");
      assertRefused(task, complete, "delayKind", "LOST", "CUSTOMER_CHASING (고객이 배송을 재촉함)");
      assertRefused(task, complete, "parcelWhereabouts", "  ", "상품의 현재 위치: ");
      assertRefused(task, complete, "deliveryEta", "2026-12-06", "새 배송 예정일: 배송 예정일은 오늘(2026-12-07)이나 그 뒤");
      assertRefused(task, complete, "deliveryEta", "2026-02-30", "새 배송 예정일: ");
      assertThat(analysis).isWaitingAtExactly(INVESTIGATE_DELIVERY);
      org.mockito.Mockito.verifyNoInteractions(customerMessages);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void otherCategoriesKeepNoDelayAndGetNoDelayNotice() {
    ProcessInstance analysis = startAnalysis(false, false, true);
    driver.complete(analysis, INVESTIGATE_DELIVERY, "logistics1", "customsStatus", "NOT_APPLICABLE", "carrierLiable", false,
        "delayKind", "LATE", "parcelWhereabouts", "창고", "deliveryEta", "2099-01-01", "logisticsFindings", "박스 파손");

    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS).hasNotPassed(SEND_DELAY_NOTICE);
    assertThat(runtimeService.getVariable(analysis.getId(), "delayKind")).isNull();
    org.mockito.Mockito.verifyNoInteractions(customerMessages);
  }

  @Test
  void anInvestigationCompletedWithoutTheCarrierCheckboxGoesOnWithoutAClaim() {
    // Completed over engine REST with no listener filling in the checkbox: the gateway reads a missing value as no.
    Mocks.register("keepShipmentOnCase", (TaskListener) task -> { });
    ProcessInstance analysis = startAnalysis(false, false, true);
    taskService.complete(driver.task(analysis, INVESTIGATE_DELIVERY).getId(), Variables.createVariables()
        .putValue("customsStatus", "NOT_APPLICABLE").putValue("logisticsFindings", "이상 없음"));

    assertThat(analysis).isWaitingAtExactly(CONCLUDE_ANALYSIS).hasNotPassed("ServiceTask_RequestCarrierClaim");
  }

  private void assertRefused(String task, Map<String, Object> complete, String field, Object value, String message) {
    Map<String, Object> variables = new java.util.HashMap<>(complete);
    variables.put(field, value);
    assertThatThrownBy(() -> taskService.complete(task, variables))
        .hasRootCauseInstanceOf(Refusal.class).hasMessageContaining(message);
  }

  private ProcessInstance startDelayAnalysis(String category) {
    String caseNumber = TestData.unique("C-DELAY");
    return runtimeService.startProcessInstanceByKey("cause-analysis", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber)
        .putValue("priority", "P3")
        .putValue("category", category)
        .putValue("description", "배송이 늦어짐")
        .putValue("orderNo", "O-12345")
        .putValue("needsSafetyLab", false)
        .putValue("needsQuality", false)
        .putValue("needsLogistics", true));
  }

  /** A safety-lab analysis whose verdict is a serious adverse event, now waiting for the regulator report. */
  private ProcessInstance seriousAdverseEventKnownOn(String knownOn) {
    ProcessInstance analysis = startAnalysis(true, false, false, knownOn);
    driver.complete(analysis, REVIEW_EVIDENCE, "safety-lab1", "evidenceReviewNotes", "입원 치료", "expertOpinionNeeded", false);
    driver.complete(analysis, DECIDE_CAUSATION, "safety-lab1",
        "productCausation", "CONFIRMED", "seriousAdverseEvent", true, "safetyFindings", "중대한 이상사례");
    return analysis;
  }

  private ProcessInstance startAnalysis(boolean safetyLab, boolean quality, boolean logistics) {
    return startAnalysis(safetyLab, quality, logistics, "2026-03-01");
  }

  private ProcessInstance startAnalysis(boolean safetyLab, boolean quality, boolean logistics, String knownOn) {
    String caseNumber = TestData.unique("C-ANALYSIS");
    return runtimeService.startProcessInstanceByKey("cause-analysis", caseNumber, Variables.createVariables()
        .putValue("occurredOn", "2026-03-01")
        .putValue("adverseEventKnownOn", knownOn)
        .putValue("adverseEventKnownOnRecorded", knownOn)
        .putValue("caseNumber", caseNumber)
        .putValue("priority", safetyLab ? "P1" : "P3")
        .putValue("category", safetyLab ? "HEALTH_HARM" : "PRODUCT_DEFECT")
        .putValue("description", "사용 후 문제 발생")
        .putValue("evidenceNotes", "고객 사진 3장")
        .putValue("contactNotes", "1차 응대 완료")
        .putValue("productCode", "P-100")
        .putValue("productName", "수분 크림")
        .putValue("productLot", "L2026-01")
        .putValue("orderNo", "O-12345")
        .putValue("needsSafetyLab", safetyLab)
        .putValue("needsQuality", quality)
        .putValue("needsLogistics", logistics));
  }

  private List<Object> lateAnalyses(ProcessInstance analysis) {
    return driver.openTasks(analysis, "UserTask_ChaseAnalysis").stream()
        .map(task -> taskService.getVariable(task.getId(), "lateWork")).toList();
  }
}
