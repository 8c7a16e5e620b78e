package kr.complaintdesk.intake;

import kr.complaintdesk.casefile.Offers;
import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevels;
import kr.complaintdesk.platform.tasklist.TasklistFilters;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** complaint-case: every path through every gateway and both response boundaries. */
@ProcessTest
class ComplaintCaseProcessTest {

  static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ServiceLevels serviceLevels;
  @Autowired Offers offers;
  @Autowired BusinessCalendar businessCalendar;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    init(engine);
    driver = new CaseDriver(engine);
  }

  @Test
  void caseNumberBecomesTheBusinessKey() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));

    assertThat(pi.getBusinessKey()).matches("C-\\d{4}-\\d{6}");
    assertThat(pi).variables().containsEntry("caseNumber", pi.getBusinessKey());
    assertThat(pi).isWaitingAt("UserTask_FirstContact", "ServiceTask_SendAcknowledgement");
    assertThat(task("UserTask_FirstContact", pi)).hasCandidateGroup("cs-agent");
  }

  @Test
  void aComplaintReportedOnSaturdayIsDueInBusinessHoursFromMondayAndAMissedSlaGoesToTheLead() {
    // The phone-case story: reported on a Saturday afternoon, counted in business hours from Monday 09:00 (the
    // first-response SLA of P3 in the triage table).
    Date saturday = Date.from(ZonedDateTime.of(2026, 11, 21, 15, 0, 0, 0, KOREA).toInstant());
    ClockUtil.setCurrentTime(saturday);
    try {
      // A first-time customer: a repeat complainant would be P2.
      ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul").putValue("customerPhone", TestData.phone()));
      assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo("P3");
      Task contact = driver.task(pi, "UserTask_FirstContact");
      Number hours = (Number) runtimeService.getVariable(pi.getId(), "firstResponseHours");
      Date due = businessCalendar.addBusinessHours(saturday, hours);
      assertThat(contact.getDueDate()).isEqualTo(due);
      assertThat(due).as("counted from Monday 09:00, not from Saturday")
          .isAfter(Date.from(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, KOREA).toInstant()));
      assertThat(contact.getPriority()).isEqualTo(50);
      assertThat(driver.openTasks(pi, "UserTask_HandleOverdueFirstContact")).isEmpty();

      ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
      driver.executeJobs(pi);

      Task overdue = driver.task(pi, "UserTask_HandleOverdueFirstContact");
      assertThat(overdue).hasCandidateGroup("cs-lead");
      assertThat(overdue.getPriority()).isEqualTo(90);
      assertThat(driver.openTasks(pi, "UserTask_FirstContact")).hasSize(1);
      ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(120)));
      Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
      engine.getIdentityService().setAuthentication("cs-lead1", List.of("cs-lead"));
      try {
        List<Task> listed = engine.getFilterService().list(filter.getId());
        assertThat(listed).extracting(Task::getId).contains(overdue.getId());
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void badIntakeIsRejectedNamingEachFieldAndStoresNothing() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case").count();
    VariableMap bad = intake("FOOD_POISONING", "jeju")
        .putValue("customerPhone", "12ab")
        .putValue("description", " ")
        .putValue("occurredOn", "2026-02-30");

    assertThatThrownBy(() -> driver.startCase(bad))
        .isInstanceOf(CaseInputException.class)
        .hasMessageContaining("불만 유형: 알 수 없는 값 'FOOD_POISONING'")
        .hasMessageContaining("고객 연락처: 전화번호 형식이 아닙니다")
        .hasMessageContaining("고객 거주 지역: 알 수 없는 지역입니다")
        .hasMessageContaining("불만 내용: 필수 항목입니다")
        .hasMessageContaining("문제 발생일: 없는 날짜");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case").count()).isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("complaint-case").count()).isEqualTo(before + finishedCases());
  }

  @Test
  void emptyOptionalFieldsOfTheStartFormAreNotStored() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul")
        .putValue("publicPostUrl", "").putValue("evidenceNotes", "  ").putValue("orderNo", "ORD-1"));

    assertThat(runtimeService.getVariables(pi.getId()))
        .doesNotContainKeys("publicPostUrl", "evidenceNotes")
        .containsEntry("orderNo", "ORD-1");
  }

  @Test
  void intakeNeedsAtLeastOneWayToReachTheCustomer() {
    VariableMap noContact = intake("SERVICE", "seoul");
    noContact.remove("customerPhone");

    assertThatThrownBy(() -> driver.startCase(noContact))
        .isInstanceOf(CaseInputException.class)
        .hasMessageContaining("고객 연락처: 휴대전화, 이메일, SNS 계정 중 하나는 있어야 합니다");
  }

  @Test
  void publicRiskIsAssessedByPrRiskAndTheCaseWaitsForIt() {
    ProcessInstance pi = driver.startCase(intake("PRODUCT_DEFECT", "seoul").putValue("externalThreat", true));
    driver.executeJobs(pi);

    assertThat(pi).isWaitingAt("UserTask_FirstContact", "UserTask_AssessPublicRisk");
    assertThat(pi).variables().containsEntry("priority", "P1").containsEntry("prRiskAlert", true);
    assertThat(task("UserTask_AssessPublicRisk", pi)).hasCandidateGroup("pr-risk");
    driver.complete(pi, "UserTask_AssessPublicRisk", "pr-risk1", "riskLevel", "HIGH", "riskNotes", "언론 제보 예고");
    assertThat(pi).isWaitingAt("UserTask_FirstContact", "Gateway_JoinRiskTrack");
  }

  @Test
  void noPublicRiskMeansNoTaskForPrRisk() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));
    driver.executeJobs(pi);

    assertThat(pi).hasPassed("Gateway_PublicRisk").hasNotPassed("UserTask_AssessPublicRisk");
    assertThat(pi).isWaitingAt("UserTask_FirstContact", "Gateway_JoinRiskTrack");
  }

  @Test
  void harmCaseWithConsentRunsCareAndAnalysisInParallel() {
    ProcessInstance pi = driver.startCase(intake("HEALTH_HARM", "busan"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "볼에 염증", "remedySought", "TREATMENT_COSTS", "visitConsent", true);

    assertThat(pi).isWaitingAt("CallActivity_CareVisit", "CallActivity_CauseAnalysis");
    assertThat(driver.task(pi, "UserTask_ScheduleVisit")).hasCandidateGroup("region-busan");
    assertThat(driver.task(pi, "UserTask_ReviewEvidence")).hasCandidateGroup("safety-lab");
  }

  @Test
  void harmCaseWithoutConsentSkipsTheVisit() {
    ProcessInstance pi = driver.startCase(intake("HEALTH_HARM", "busan"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "방문은 원하지 않음", "remedySought", "REFUND", "visitConsent", false);

    assertThat(pi).hasNotPassed("CallActivity_CareVisit").isWaitingAt("CallActivity_CauseAnalysis");
    assertThat(driver.openTasks(pi, "UserTask_ScheduleVisit")).isEmpty();
  }

  @Test
  void caseNeedingNoAnalysisGoesStraightToTheOffer() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "불친절", "remedySought", "APOLOGY");

    assertThat(pi).hasNotPassed("CallActivity_CauseAnalysis", "CallActivity_CareVisit").isWaitingAt("UserTask_PrepareOffer");
  }

  @Test
  void offerAcceptedOnThePhoneLeadsToCompensationAndFollowUp() {
    ProcessInstance pi = atOffer();
    offer(pi, "cs-agent1", "REFUND", 25000);
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");

    assertThat(pi).hasNotPassed("Gateway_AlternativeAllowed").isWaitingAt("CallActivity_Compensation");
    assertThat(driver.task(pi, "UserTask_ConfirmReturnReceipt")).hasCandidateGroup("logistics");
  }

  @Test
  void aRemedyTheCompensationPolicyDidNotSuggestNeedsAReason() {
    ProcessInstance pi = driver.startCase(intake("PRODUCT_DEFECT", "seoul").putValue("orderValue", 39000L));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "용량 부족", "remedySought", "REFUND");
    driver.complete(pi, "UserTask_InspectProduct", "quality1", "qualityFindings", "용량 미달 로트");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "SHORT_VOLUME", "companyFault", "YES",
        "analysisFindings", "충전 불량");

    assertThat(String.valueOf(runtimeService.getVariable(pi.getId(), "suggestedLines")))
        .contains("\"remedy\":\"EXCHANGE\"").contains("\"remedy\":\"REFUND\"");
    assertThat((String) runtimeService.getVariable(pi.getId(), "remedySuggestions"))
        .contains("환불 39,000원").contains("소비자분쟁해결기준(화장품)").contains("compensation-policy v");
    assertThatThrownBy(() -> driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES",
        "rootCause", "SHORT_VOLUME", "offerLines", TestData.offer("GIFT", 0L), "offerText", "사은품"))
        .hasMessageContaining("제안에 없는 해결안을 넣은 이유: ").hasMessageContaining("사은품");
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer");

    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", "SHORT_VOLUME",
        "offerLines", TestData.offer("GIFT", 0L), "offerText", "사은품", "remedyDeviationReason", "고객이 사은품을 원함");
    assertThat(pi).isWaitingAt("UserTask_RecordCustomerResponse");
  }

  /** A suggested remedy at another amount than the table computed is a deviation too; the stored line keeps its basis. */
  @Test
  void anAmountOtherThanTheSuggestedOneNeedsAReasonAndTheLineKeepsItsBasis() {
    ProcessInstance pi = driver.startCase(intake("PRODUCT_DEFECT", "seoul").putValue("orderValue", 39000L));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "용량 부족", "remedySought", "REFUND");
    driver.complete(pi, "UserTask_InspectProduct", "quality1", "qualityFindings", "용량 미달 로트");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "SHORT_VOLUME", "companyFault", "YES",
        "analysisFindings", "충전 불량");

    assertThatThrownBy(() -> driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES",
        "rootCause", "SHORT_VOLUME", "offerLines", TestData.offer("REFUND", 20000L), "offerText", "일부 환불"))
        .hasMessageContaining("제안에 없는 해결안을 넣은 이유: ").hasMessageContaining("환불 금액");
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer");

    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", "SHORT_VOLUME",
        "offerLines", TestData.offer("REFUND", 39000L), "offerText", "구입가 환불");
    Offers.Offer offer = offers.of(pi.getBusinessKey()).get(0);
    assertThat(offer.lines()).singleElement().satisfies(line -> assertThat(line.basis()).contains("소비자분쟁해결기준"));
    // 39,000 won is beyond an agent's 30,000: a lead approves before the customer hears it.
    assertThat(offer.approval()).isEqualTo(Offers.Approval.PENDING);
    assertThat(driver.task(pi, "UserTask_ApproveOffer")).hasCandidateGroup("cs-lead");
  }

  /** An offer the approver sends back returns to the agent who prepared it, in the same round, with the reason. */
  @Test
  void anOfferSentBackReturnsToItsPreparerInTheSameRound() {
    ProcessInstance pi = atOffer();
    offer(pi, "cs-agent2", "REFUND", 45000);
    assertThat(pi).variables().containsEntry("offerRound", 1);
    driver.complete(pi, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", false, "approvalNote", "환불 근거를 적어 주세요");

    assertThat(driver.task(pi, "UserTask_PrepareOffer").getAssignee()).isEqualTo("cs-agent2");
    assertThat(pi).variables().containsEntry("approvalNote", "환불 근거를 적어 주세요");
    offer(pi, "cs-agent2", "REFUND", 25000);
    assertThat(pi).variables().containsEntry("offerRound", 1);
    assertThat(pi).isWaitingAt("UserTask_RecordCustomerResponse");
  }

  /**
   * Compensation fulfils the lines of the offer the customer accepted as the case file keeps them: changing the
   * process variable on the way (the engine's REST API lets a task's worker send any variable) pays nothing else.
   */
  @Test
  void compensationPaysTheAcceptedOffersStoredLinesNotAChangedVariable() {
    ProcessInstance pi = atOffer();
    offer(pi, "cs-agent1", "COUPON", 5000);
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락",
        "offerLines", TestData.offer("COUPON", 5000000L));
    driver.executeJobs(pi);

    assertThat(jdbc.queryForList("SELECT amount_krw FROM payout WHERE case_number = ?", Long.class, pi.getBusinessKey()))
        .containsExactly(5000L);
  }

  @Test
  void aThreatRaisedDuringTheCaseMakesItP1AndAsksPrRiskWhileWorkGoesOn() {
    ProcessInstance pi = atOffer();
    assertThat(pi).variables().containsEntry("priority", "P3");

    runtimeService.createMessageCorrelation("ExternalThreatRaised").processInstanceId(pi.getId()).correlate();

    assertThat(pi).variables().containsEntry("priority", "P1").containsEntry("prRiskAlert", true);
    assertThat(task("UserTask_AssessRaisedThreat", pi)).hasCandidateGroup("pr-risk");
    assertThat(driver.task(pi, "UserTask_PrepareOffer").getPriority()).isEqualTo(80);
    driver.complete(pi, "UserTask_AssessRaisedThreat", "pr-risk1", "riskLevel", "HIGH", "riskNotes", "방송사 제보 예고");
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer", "Gateway_JoinRiskTrack");
  }

  @Test
  void abuseReportedHandsTheContactToTheLeadWhoRecordsTheProtectiveMeasures() {
    ProcessInstance pi = atOffer();

    runtimeService.createMessageCorrelation("AbuseReported").processInstanceId(pi.getId()).correlate();

    assertThat(task("UserTask_ProtectStaff", pi)).hasCandidateGroup("cs-lead");
    driver.complete(pi, "UserTask_ProtectStaff", "cs-lead1", "abuseWarningGiven", true, "abuseContactEnded", true,
        "abuseBreakExtended", true, "abuseCounsellingOffered", true, "abuseEvidenceKept", true, "abuseNotes", "욕설 후 응대 종료");
    assertThat(pi).hasPassed("EndEvent_StaffProtected").isWaitingAt("UserTask_PrepareOffer", "Gateway_JoinRiskTrack");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("abuseEvidenceKept").singleResult().getValue()).isEqualTo(true);
  }

  @Test
  void everyContactIsToldToTheCaseOwnerAndEveryThirdEscalatesToTheLeadOnce() {
    ProcessInstance pi = startAt("UserTask_PrepareOffer", Map.of("caseOwner", "cs-agent1"));

    for (int contact = 1; contact <= 2; contact++) {
      runtimeService.createMessageCorrelation("CustomerContacted").processInstanceId(pi.getId()).correlate();
    }
    assertThat(driver.openTasks(pi, "UserTask_ReviewRepeatedContact")).isEmpty();
    // The third contact escalates at once, even while the notices to the owner still wait for the mail job.
    runtimeService.createMessageCorrelation("CustomerContacted").processInstanceId(pi.getId()).correlate();
    assertThat(driver.openTasks(pi, "UserTask_ReviewRepeatedContact")).hasSize(1);
    driver.executeJobs(pi);

    assertThat(pi).variables().containsEntry("customerContacts", 3);
    assertThat(task("UserTask_ReviewRepeatedContact", pi)).hasCandidateGroup("cs-lead");
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer", "Gateway_JoinRiskTrack", "UserTask_ReviewRepeatedContact");
    // Two more contacts do not pile up reviews; the sixth asks the lead again.
    for (int contact = 4; contact <= 5; contact++) {
      runtimeService.createMessageCorrelation("CustomerContacted").processInstanceId(pi.getId()).correlate();
    }
    assertThat(driver.openTasks(pi, "UserTask_ReviewRepeatedContact")).hasSize(1);
    runtimeService.createMessageCorrelation("CustomerContacted").processInstanceId(pi.getId()).correlate();
    assertThat(driver.openTasks(pi, "UserTask_ReviewRepeatedContact")).hasSize(2);
    assertThat(jdbc.queryForList("SELECT recipient FROM outbound_message WHERE case_number = ? AND template = 'STAFF_NOTICE'",
        String.class, pi.getBusinessKey())).containsExactly("cs-agent1@demo.invalid", "cs-agent1@demo.invalid",
        "cs-agent1@demo.invalid");
    assertThat(jdbc.queryForList("SELECT summary FROM timeline_entry WHERE case_number = ? AND kind = 'NOTICE'",
        String.class, pi.getBusinessKey())).containsExactlyInAnyOrder(
        "담당자 알림 기록 (cs-agent1): 고객이 다시 연락했습니다 (재연락 1회)",
        "담당자 알림 기록 (cs-agent1): 고객이 다시 연락했습니다 (재연락 2회)",
        "담당자 알림 기록 (cs-agent1): 고객이 다시 연락했습니다 (재연락 3회)");
  }

  @Test
  void aContactBeforeAnyoneOwnsTheCaseIsRecordedAsNotToldToAnyone() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));

    runtimeService.createMessageCorrelation("CustomerContacted").processInstanceId(pi.getId()).correlate();
    driver.executeJobs(pi);

    assertThat(jdbc.queryForList("SELECT summary FROM timeline_entry WHERE case_number = ? AND kind = 'NOTICE'",
        String.class, pi.getBusinessKey())).containsExactly("담당자가 없어 알림을 보내지 못함: 고객이 다시 연락했습니다 (재연락 1회)");
    assertThat(driver.openTasks(pi, "UserTask_FirstContact")).hasSize(1);
  }

  @Test
  void anUnansweredOfferIsFollowedUpAndClosedAsNoResponseWhenTheTablesDeadlinesPass() {
    Date offered = Date.from(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, KOREA).toInstant());
    ClockUtil.setCurrentTime(offered);
    try {
      ProcessInstance pi = atOffer();
      offer(pi, "cs-agent1", "APOLOGY", 0);

      // Thursday: the reminder counts business days, so the weekend does not count.
      Date reminder = slaDue("OFFER_REMINDER", offered);
      ClockUtil.setCurrentTime(minutesFrom(reminder, -1));
      driver.executeJobs(pi);
      assertThat(driver.openTasks(pi, "UserTask_RemindCustomer")).isEmpty();
      Date reminded = minutesFrom(reminder, 1);
      ClockUtil.setCurrentTime(reminded);
      driver.executeJobs(pi);
      assertThat(task("UserTask_RemindCustomer", pi)).hasCandidateGroup("cs-agent");
      assertThat(task("UserTask_RemindCustomer", pi).getDueDate()).isEqualTo(slaDue("OFFER_REMINDER_CALL", reminded));
      assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).hasSize(1);
      driver.complete(pi, "UserTask_RemindCustomer", "cs-agent1", "reminderNotes", "부재중, 문자 남김");

      ClockUtil.setCurrentTime(minutesFrom(slaDue("OFFER_NO_RESPONSE", offered), 1));
      driver.executeJobs(pi);

      assertThat(pi).isEnded().hasPassed("ServiceTask_MarkNoResponse").hasNotPassed("CallActivity_Compensation");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("outcome").singleResult().getValue()).isEqualTo("NO_RESPONSE");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void anUnansweredFinalOfferIsFollowedUpAndClosedAsNoResponseWhenTheTablesDeadlinesPass() {
    // The lead's final offer goes out on Thursday 24 December: in business days, 성탄절 and the weekend do not count.
    Date offered = Date.from(ZonedDateTime.of(2026, 12, 24, 11, 0, 0, 0, KOREA).toInstant());
    ClockUtil.setCurrentTime(offered);
    try {
      ProcessInstance pi = startAt("UserTask_RecordFinalResponse", Map.of("offerLines", TestData.offer("STORE_CREDIT", 20000L),
          "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE", "offerRound", 3));

      Date reminder = slaDue("OFFER_REMINDER", offered);
      ClockUtil.setCurrentTime(minutesFrom(reminder, -1));
      driver.executeJobs(pi);
      assertThat(driver.openTasks(pi, "UserTask_RemindCustomerOfFinalOffer")).isEmpty();
      Date reminded = minutesFrom(reminder, 1);
      ClockUtil.setCurrentTime(reminded);
      driver.executeJobs(pi);
      assertThat(task("UserTask_RemindCustomerOfFinalOffer", pi)).hasCandidateGroup("cs-agent");
      assertThat(task("UserTask_RemindCustomerOfFinalOffer", pi).getDueDate())
          .isEqualTo(slaDue("OFFER_REMINDER_CALL", reminded));
      assertThat(driver.openTasks(pi, "UserTask_RecordFinalResponse")).hasSize(1);
      driver.complete(pi, "UserTask_RemindCustomerOfFinalOffer", "cs-agent1", "reminderNotes", "통화 안 됨, 문자 남김");

      Date noResponse = slaDue("OFFER_NO_RESPONSE", offered);
      ClockUtil.setCurrentTime(minutesFrom(noResponse, -1));
      driver.executeJobs(pi);
      assertThat(pi).isNotEnded();
      ClockUtil.setCurrentTime(minutesFrom(noResponse, 1));
      driver.executeJobs(pi);

      assertThat(pi).isEnded().hasPassed("ServiceTask_MarkFinalOfferNoResponse")
          .hasNotPassed("UserTask_InformExternalRecourse", "CallActivity_Compensation");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("outcome").singleResult().getValue()).isEqualTo("NO_RESPONSE");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theSatisfactionCallComesWhenTheTableSaysAfterTheResolutionAndIsDueAsTheTableSays() {
    // Resolved on Thursday 24 December: in business days, 성탄절, the weekend and 신정 (1 January 2027) do not count.
    Date resolved = Date.from(ZonedDateTime.of(2026, 12, 24, 15, 0, 0, 0, KOREA).toInstant());
    ClockUtil.setCurrentTime(resolved);
    try {
      ProcessInstance pi = startAt("IntermediateCatchEvent_FollowUpDue", Map.of("offerAccepted", true, "remedy", "APOLOGY",
          "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE"));
      Date callDay = slaDue("FOLLOW_UP_WAIT", resolved);
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
          .activityId("IntermediateCatchEvent_FollowUpDue").singleResult().getDuedate()).isEqualTo(callDay);

      ClockUtil.setCurrentTime(minutesFrom(callDay, -1));
      driver.executeJobs(pi);
      assertThat(driver.openTasks(pi, "UserTask_FollowUpCall")).isEmpty();
      Date called = minutesFrom(callDay, 1);
      ClockUtil.setCurrentTime(called);
      driver.executeJobs(pi);

      Task call = driver.task(pi, "UserTask_FollowUpCall");
      assertThat(call).hasCandidateGroup("cs-agent");
      assertThat(call.getDueDate()).isEqualTo(slaDue("FOLLOW_UP_CALL", called));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void withdrawalInTheMiddleOfCareAndAnalysisEndsEveryTaskAndEveryTimerOfTheCase() {
    Date monday = Date.from(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, KOREA).toInstant());
    ClockUtil.setCurrentTime(monday);
    try {
      ProcessInstance pi = driver.startCase(intake("HEALTH_HARM", "busan"));
      driver.executeJobs(pi);
      driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "볼에 염증", "remedySought", "TREATMENT_COSTS",
          "visitConsent", true, "callbackPromised", true, "callbackPromisedAt", "2026-11-23T18:00");
      // Later: the visit is not scheduled in time and the call-back (18:00) not made; the evidence review is not late yet.
      Date later = minutesFrom(slaDue("VISIT_SCHEDULING", monday), 60);
      assertThat(later).as("this story needs the visit scheduling SLA to end after 18:00 and before the evidence"
          + " review's (service-levels rows VISIT_SCHEDULING, EVIDENCE_REVIEW): choose other times if the table changed")
          .isAfter(Date.from(ZonedDateTime.of(2026, 11, 23, 18, 1, 0, 0, KOREA).toInstant()))
          .isBefore(slaDue("EVIDENCE_REVIEW", monday));
      ClockUtil.setCurrentTime(later);
      driver.executeJobs(pi);
      assertThat(driver.openTasks(pi, "UserTask_EscalateVisitScheduling")).hasSize(1);
      assertThat(driver.openTasks(pi, "UserTask_ReviewEvidence")).hasSize(1);
      assertThat(driver.openTasks(pi, "UserTask_ChaseAnalysis")).isEmpty();
      assertThat(driver.openTasks(pi, "UserTask_HandleMissedCallback")).hasSize(1);
      List<String> tree = driver.instanceTree(pi.getId());
      assertThat(tree).hasSize(3);
      assertThat(tree.stream().mapToLong(id -> engine.getManagementService().createJobQuery().processInstanceId(id).count())
          .sum()).as("the evidence-review SLA timer still waiting").isPositive();

      runtimeService.createMessageCorrelation("ComplaintWithdrawn").processInstanceId(pi.getId()).correlate();

      assertThat(pi).isEnded().hasPassed("ServiceTask_WithdrawCase");
      for (String id : tree) {
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).count()).as("tasks of %s", id).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).count()).as("jobs of %s", id).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
      }
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("outcome").singleResult().getValue()).isEqualTo("WITHDRAWN");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void customerAnswerThroughTheApiEndsTheAgentsTask() {
    ProcessInstance pi = atOffer();
    offer(pi, "cs-agent1", "APOLOGY", 0);

    runtimeService.createMessageCorrelation("CustomerResponded")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("offerAccepted", true)
        .correlate();

    assertThat(pi).hasPassed("BoundaryEvent_CustomerResponded").hasNotPassed("CallActivity_Compensation").isWaitingAt("IntermediateCatchEvent_FollowUpDue");
    assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).isEmpty();
  }

  @Test
  void rejectedOffersGetTwoAlternativesThenAFinalOfferFromTheLead() {
    ProcessInstance pi = atOffer();
    for (int round = 1; round <= 3; round++) {
      offer(pi, "cs-agent1", "EXCHANGE", 0);
      assertThat(pi).variables().containsEntry("offerRound", round);
      driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", false, "customerResponseNote", "거절");
    }

    assertThat(pi).isWaitingAt("UserTask_PrepareFinalOffer");
    assertThat(task("UserTask_PrepareFinalOffer", pi)).hasCandidateGroup("cs-lead");
    driver.complete(pi, "UserTask_PrepareFinalOffer", "cs-lead1", "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE",
        "offerLines", TestData.offer("STORE_CREDIT", 10000L), "offerText", "최종안: 적립금 1만 원");
    assertThat(pi).variables().containsEntry("offerPreparedBy", "cs-lead1");

    runtimeService.createMessageCorrelation("CustomerResponded")
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("offerAccepted", true)
        .correlate();
    assertThat(pi).hasPassed("BoundaryEvent_CustomerRespondedToFinalOffer").isWaitingAt("CallActivity_Compensation");
  }

  @Test
  void rejectedFinalOfferIsClosedUnresolvedAfterExplainingRecourse() {
    ProcessInstance pi = startAt("UserTask_RecordFinalResponse", Map.of("offerLines", TestData.offer("EXCHANGE", 0L),
        "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE", "offerRound", 3));
    driver.complete(pi, "UserTask_RecordFinalResponse", "cs-agent1", "offerAccepted", false, "customerResponseNote", "거절");

    assertThat(task("UserTask_InformExternalRecourse", pi)).hasCandidateGroup("cs-agent");
    driver.complete(pi, "UserTask_InformExternalRecourse", "cs-agent1",
        "recourseCounsellingExplained", true, "recourseMediationExplained", true);
    assertThat(pi).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("ServiceTask_RequestPrevention", "CallActivity_Compensation");
    assertThat(pi).variables().containsEntry("outcome", "UNRESOLVED");
  }

  @Test
  void lowSatisfactionGoesToTheLead() {
    ProcessInstance pi = startAt("UserTask_FollowUpCall", Map.of("offerAccepted", true, "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE"));
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 2L);

    assertThat(task("UserTask_ReviewLowSatisfaction", pi)).hasCandidateGroup("cs-lead");
    driver.complete(pi, "UserTask_ReviewLowSatisfaction", "cs-lead1", "leadReviewNotes", "재연락");
    assertThat(pi).isEnded().variables().containsEntry("outcome", "RESOLVED");
  }

  @Test
  void satisfiedCustomerClosesTheCaseResolved() {
    ProcessInstance pi = startAt("UserTask_FollowUpCall", Map.of("offerAccepted", true, "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE"));
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L);

    assertThat(pi).isEnded().hasNotPassed("UserTask_ReviewLowSatisfaction");
    assertThat(pi).variables().containsEntry("outcome", "RESOLVED");
  }

  @Test
  void companyFaultStartsAPreventionActionThatOutlivesTheCase() {
    ProcessInstance pi = startAt("UserTask_FollowUpCall", Map.of("offerAccepted", true, "companyFault", "YES",
        "rootCause", "MOULD_DEFECT", "productCode", "CASE-77"));
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 4L);

    assertThat(pi).isEnded().hasPassed("ServiceTask_RequestPrevention");
    ProcessInstance action = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("prevention-action").processInstanceBusinessKey("PA-CASE-77-MOULD_DEFECT").singleResult();
    assertThat(action).isNotNull().isWaitingAt("UserTask_PlanAction");
    assertThat(task("UserTask_PlanAction", action)).hasCandidateGroup("quality");
  }

  private ProcessInstance atOffer() {
    return startAt("UserTask_PrepareOffer", Map.of());
  }

  /** Starts a case in the middle; the public-risk and agency-reply tracks are already waiting at their join. */
  private ProcessInstance startAt(String activityId, Map<String, Object> extra) {
    String caseNumber = CaseDriver.registerCase(jdbc);
    VariableMap variables = intake("SERVICE", "seoul")
        .putValue("caseNumber", caseNumber).putValue("priority", "P3").putValue("harm", false);
    variables.putAll(extra);
    return runtimeService.createProcessInstanceByKey("complaint-case")
        .businessKey(caseNumber)
        .setVariables(variables)
        .startBeforeActivity(activityId)
        .startBeforeActivity("Gateway_JoinRiskTrack")
        .startBeforeActivity("Gateway_JoinRiskTrack")
        .execute();
  }

  private void offer(ProcessInstance pi, String agent, String remedy, long amount) {
    driver.complete(pi, "UserTask_PrepareOffer", agent, "companyFault", "NO", "rootCause", "CUSTOMER_MISUSE",
        "offerLines", TestData.offer(remedy, amount), "offerText", "안내한 해결안");
  }

  private long finishedCases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("complaint-case").finished().count();
  }

  /** When the row {@code sla} of the service-levels table runs out for something that started at {@code start}. */
  private Date slaDue(String sla, Date start) {
    return serviceLevels.level(sla).after(start, businessCalendar);
  }

  private static Date minutesFrom(Date time, long minutes) {
    return Date.from(time.toInstant().plusSeconds(60 * minutes));
  }
}
