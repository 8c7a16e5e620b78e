package kr.complaintdesk;

import java.util.List;
import kr.complaintdesk.support.TestData;
import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The field reports of SOP.md, carried from intake to close as staff would in Tasklist. */
@ProcessTest
class AcceptanceStoriesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired Offers offers;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    init(engine);
    driver = new CaseDriver(engine);
  }

  @Test
  void skinReactionIsCaredForBeforeFaultIsSettled() {
    ProcessInstance pi = driver.startCase(intake("HEALTH_HARM", "busan")
        .putValue("description", "사용 한 달 뒤 얼굴 여러 곳이 패이고 곪음")
        .putValue("evidenceNotes", "고객이 보낸 사진 3장")
        .putValue("externalThreat", true));
    assertThat(pi).variables().containsEntry("priority", "P1").containsEntry("visitOffered", true);
    driver.executeJobs(pi);

    driver.complete(pi, "UserTask_AssessPublicRisk", "pr-risk1", "riskLevel", "HIGH", "riskNotes", "가족이 언론 제보 언급");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "방문 설득 끝에 동의", "remedySought", "TREATMENT_COSTS", "visitConsent", true);

    // Care starts while the safety lab has not yet said anything about fault.
    assertThat(driver.task(pi, "UserTask_ScheduleVisit")).hasCandidateGroup("region-busan");
    assertThat(driver.task(pi, "UserTask_ReviewEvidence")).hasCandidateGroup("safety-lab");
    driver.complete(pi, "UserTask_ScheduleVisit", "region-busan1", "visitAt", "2026-04-03T10:00", "hospitalAccompanimentPlanned", true);
    driver.complete(pi, "UserTask_VisitCustomer", "region-busan1",
        "careNotes", "인근 피부과 동행, 호전 없음", "hospitalAccompanied", true, "treatmentCostAdded", 45000L,
        "expensesKrw", 24000L,
        "dermatologistDiagnosis", true, "recovered", false);
    // Not yet recovered: the division checks again every three business days until she is cured.
    assertThat(driver.openTasks(pi, "UserTask_CheckRecovery")).isEmpty();
    driver.fireTimer(pi, "IntermediateCatchEvent_RecoveryCheckDue");
    driver.complete(pi, "UserTask_CheckRecovery", "region-busan1",
        "recoveryNotes", "감염 전문의 병원으로 옮김", "treatmentCostAdded", 85000L, "recovered", false);
    driver.fireTimer(pi, "IntermediateCatchEvent_RecoveryCheckDue");
    driver.complete(pi, "UserTask_CheckRecovery", "region-busan1", "recoveryNotes", "열흘 만에 완치 판정", "recovered", true);

    driver.complete(pi, "UserTask_ReviewEvidence", "safety-lab1", "evidenceReviewNotes", "처음 보는 유형", "expertOpinionNeeded", true);
    driver.complete(pi, "UserTask_RecordExpertOpinion", "safety-lab1",
        "expertName", "피부과 교수", "expertOpinion", "접촉성 피부염으로 시작해 관리 중 2차 감염(농가진 유사)");
    driver.complete(pi, "UserTask_DecideCausation", "safety-lab1",
        "productCausation", "POSSIBLE", "seriousAdverseEvent", false, "safetyFindings", "초기 반응은 제품 관련 가능성");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1",
        "rootCause", "FORMULA_REACTION", "companyFault", "PARTIAL", "analysisFindings", "초기 접촉성 피부염, 이후 2차 감염");

    assertThat(pi).isWaitingAt("UserTask_PrepareOffer").variables().containsEntry("treatmentCostTotal", 130000L);
    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "PARTIAL", "rootCause", "FORMULA_REACTION",
        "offerLines", TestData.lines("TREATMENT_COSTS", 130000L, "완치까지의 치료비 (영수증 기준)",
            "TREATMENT_COSTS", 24000L, "병원 동행 교통비"), "offerText", "치료비와 교통비를 드립니다");

    // Harm case: at least a lead approves, even for a small amount, before the family hears the offer.
    assertThat(pi).isWaitingAt("CallActivity_ApproveOffer");
    assertThat(driver.task(pi, "UserTask_ApproveOffer")).hasCandidateGroup("cs-lead");
    driver.complete(pi, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", true, "approvalNote", "영수증 확인");
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "감사 인사");
    driver.executeJobs(pi);
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L);

    assertThat(pi).isEnded();
    assertThat(variable(pi, "outcome")).isEqualTo("RESOLVED");
    assertThat(acceptedLines(pi)).containsExactly("TREATMENT_COSTS 130000", "TREATMENT_COSTS 24000");
    assertThat(acceptedOffer(pi).approvedBy()).isEqualTo("cs-lead1");
    assertThat(paidLines(pi)).containsExactlyInAnyOrder("TREATMENT_COSTS 130000", "TREATMENT_COSTS 24000");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("prevention-action")
        .processInstanceBusinessKey("PA-P-100-FORMULA_REACTION").count()).isEqualTo(1);
  }

  @Test
  void lipstickInjuryGetsAVisitTheNextDayAndTreatmentCostsUntilHealed() {
    ProcessInstance pi = driver.startCase(intake("INJURY", "seoul")
        .putValue("channel", "COMMUNITY")
        .putValue("productCode", "LIP-HOLIC")
        .putValue("productName", "립스틱")
        .putValue("description", "로고 조각이 떨어져 날카로운 부분에 손가락을 베임")
        .putValue("publicPostUrl", "https://cafe.example.kr/beauty/123"));
    assertThat(pi).variables().containsEntry("priority", "P1").containsEntry("prRiskAlert", true);
    driver.executeJobs(pi);

    driver.complete(pi, "UserTask_AssessPublicRisk", "pr-risk1", "riskLevel", "MEDIUM", "riskNotes", "카페 게시글", "movedToPrivate", true);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "방문 동의", "remedySought", "EXCHANGE",
        "visitConsent", true, "goodsValue", 28000L);
    driver.complete(pi, "UserTask_ScheduleVisit", "region-seoul1", "visitAt", "2017-11-02T10:00");
    driver.complete(pi, "UserTask_VisitCustomer", "region-seoul1",
        "careNotes", "새 제품으로 교환, 완치까지 치료비 약속", "treatmentCostAdded", 12000L, "recovered", true);
    assertThat(driver.task(pi, "UserTask_InspectProduct")).hasCandidateGroup("quality");
    driver.complete(pi, "UserTask_InspectProduct", "quality1", "defectFound", true, "qualityFindings", "로고 부착 불량");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1",
        "rootCause", "CONTAINER_DEFECT", "companyFault", "YES", "analysisFindings", "용기 로고 결함");

    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", "CONTAINER_DEFECT",
        "offerLines", TestData.lines("EXCHANGE", 28000L, "같은 립스틱 새 제품", "TREATMENT_COSTS", 12000L, "완치까지의 치료비"),
        "offerText", "새 제품으로 교환, 완치까지 치료비");
    driver.complete(pi, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", true, "approvalNote", "확인");
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "만족");
    // The two lines are fulfilled side by side: logistics sends the new lipstick while the treatment costs are paid.
    assertThat(driver.task(pi, "UserTask_ShipReplacement")).hasCandidateGroup("logistics");
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_ShipReplacement", "logistics1", "trackingNumber", "CJ-2017110201", "packagingNotes", "완충재");
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L, "postUpdateRequested", true);

    assertThat(pi).isEnded();
    assertThat(variable(pi, "outcome")).isEqualTo("RESOLVED");
    assertThat(variable(pi, "postUpdateRequested")).isEqualTo(true);
    assertThat(acceptedLines(pi)).containsExactly("EXCHANGE 28000", "TREATMENT_COSTS 12000");
    assertThat(acceptedOffer(pi).approvedBy()).isEqualTo("cs-lead1");
    assertThat(paidLines(pi)).containsExactly("TREATMENT_COSTS 12000");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PA-LIP-HOLIC-CONTAINER_DEFECT").count()).isEqualTo(1);
  }

  @Test
  void excessiveRefundDemandEndsInAnAcceptedFinalOffer() {
    ProcessInstance pi = driver.startCase(intake("PRODUCT_DEFECT", "daegu")
        .putValue("channel", "STORE")
        .putValue("description", "미세한 흠집, 사용에는 문제없음. 전액 환불 요구")
        .putValue("remedySought", "REFUND"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "규정상 사용 후 환불 불가 설명", "remedySought", "REFUND",
        "defectSeverity", "SLIGHT", "productUsed", "true", "goodsValue", 25000L);
    driver.complete(pi, "UserTask_InspectProduct", "quality1", "defectFound", true, "qualityFindings", "외관 미세 흠집, 기능 이상 없음");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "CONTAINER_DEFECT", "companyFault", "PARTIAL",
        "analysisFindings", "경미한 외관 결함");

    String[] alternatives = {"EXCHANGE", "STORE_CREDIT", "EXCHANGE"};
    for (String remedy : alternatives) {
      // 25,000 KRW is within an agent's own authority: presented without an approver.
      driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "PARTIAL", "rootCause", "CONTAINER_DEFECT",
          "offerLines", TestData.offer(remedy, 25000L), "offerText", "규정 설명과 대안",
          "remedyDeviationReason", "STORE_CREDIT".equals(remedy) ? "환불 대신 차액을 적립금으로" : null);
      driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", false, "customerResponseNote", "환불 고집");
    }
    driver.complete(pi, "UserTask_PrepareFinalOffer", "cs-lead1", "companyFault", "PARTIAL", "rootCause", "CONTAINER_DEFECT",
        "offerLines", TestData.offer("EXCHANGE", 25000L, "STORE_CREDIT", 20000L), "offerText", "동일 가격대 교환과 차액 적립금, 이것이 최종안",
        "remedyDeviationReason", "사용 후 환불은 규정상 불가, 교환 차액을 적립금으로 보전");
    // 45,000 KRW is within the lead's own authority: the final offer goes to the customer at once.
    assertThat(driver.openTasks(pi, "UserTask_ApproveOffer")).isEmpty();
    driver.complete(pi, "UserTask_RecordFinalResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_ShipReplacement", "logistics1", "trackingNumber", "CJ-555", "packagingNotes", "기본 포장");
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 3L);

    assertThat(pi).isEnded();
    assertThat(variable(pi, "outcome")).isEqualTo("RESOLVED");
    assertThat(variable(pi, "offerRound")).isEqualTo(3);
    assertThat(acceptedLines(pi)).containsExactly("EXCHANGE 25000", "STORE_CREDIT 20000");
    assertThat(acceptedOffer(pi).approval()).as("within the lead's own authority").isEqualTo(Offers.Approval.NOT_NEEDED);
    assertThat(acceptedOffer(pi).preparedBy()).isEqualTo("cs-lead1");
    assertThat(paidLines(pi)).containsExactly("STORE_CREDIT 20000");
  }

  @Test
  void rejectedFinalOfferEndsWithExternalRecourse() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "gwangju").putValue("description", "상담원 응대 불만"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "사과", "remedySought", "REFUND");
    for (int round = 0; round < 3; round++) {
      driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "PARTIAL", "rootCause", "SERVICE_FAILURE",
          "offerLines", TestData.offer("COUPON", 5000L), "offerText", "사과와 쿠폰");
      driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", false, "customerResponseNote", "거절");
    }
    driver.complete(pi, "UserTask_PrepareFinalOffer", "cs-lead1", "companyFault", "PARTIAL", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer("COUPON", 10000L), "offerText", "최종안", "remedyDeviationReason", "세 번 거절 끝의 최종 쿠폰");
    driver.complete(pi, "UserTask_RecordFinalResponse", "cs-agent1", "offerAccepted", false, "customerResponseNote", "소비자원에 가겠다");
    driver.complete(pi, "UserTask_InformExternalRecourse", "cs-agent1",
        "recourseCounsellingExplained", true, "recourseMediationExplained", true, "recourseNotes", "1372 안내");
    driver.executeJobs(pi);

    assertThat(pi).isEnded().hasNotPassed("CallActivity_Compensation");
    assertThat(variable(pi, "outcome")).isEqualTo("UNRESOLVED");
    // Company fault was partial: the CS manual is reviewed even though the customer went elsewhere.
    assertThat(task(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("PA-P-100-SERVICE_FAILURE").singleResult())).hasCandidateGroup("cs-lead");
  }

  /**
   * Purchase agency, limited sneakers damaged in transit: the goods, duties and agency fee are refunded at once, the
   * same pair is sought again through another route and shipped in stronger packing with a small gift. An agent may
   * not present that much: a lead approves first.
   */
  @Test
  void damagedAgencySneakersAreRefundedReSourcedAndShippedAgainWithAGift() {
    ProcessInstance pi = driver.startCase(intake("TRANSIT_DAMAGE", "seoul").putValue("channel", "WEB")
        .putValue("productName", "한정판 스니커즈").putValue("purchaseAgency", true).putValue("orderValue", 227000L)
        .putValue("description", "미국에서 오는 동안 박스와 신발이 심하게 훼손됨"));
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "사진 확인, 진심으로 사과", "remedySought", "REFUND",
        "purchaseAgency", true, "goodsValue", 189000L, "dutiesKrw", 23000L, "agencyFeeKrw", 15000L,
        "deliveredOn", EngineClock.today().toString());
    driver.complete(pi, "UserTask_InvestigateDelivery", "logistics1", "trackingNumber", "US-4471", "customsStatus", "CLEARED",
        "carrierLiable", true, "logisticsFindings", "국제 구간 압착");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "INSUFFICIENT_PACKING", "companyFault", "YES",
        "analysisFindings", "포장 보강 필요");

    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", "INSUFFICIENT_PACKING",
        "offerLines", TestData.lines("REFUND", 227000L, "물품 대금, 관·부가세, 구매대행 수수료",
            "RESOURCING", 189000L, "같은 한정판을 다른 경로로 다시 구해 보강 포장으로 발송",
            "GIFT", 10000L, "손편지와 작은 선물"),
        "offerText", "즉시 환불해 드리고, 같은 제품을 다시 구해 보내 드리겠습니다");
    assertThat(driver.task(pi, "UserTask_ApproveOffer")).hasCandidateGroup("cs-director");
    driver.complete(pi, "UserTask_ApproveOffer", "cs-director1", "offerApproved", true, "approvalNote", "한정판 재확보 승인");
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "다시 맡기겠다");

    driver.complete(pi, "UserTask_ConfirmReturnReceipt", "logistics1", "noReturnNeeded", true, "noReturnReason", "훼손품 폐기 합의");
    driver.complete(pi, "UserTask_SourceAgain", "logistics1", "resourcingPossible", true, "resourcingSource", "일본 협력 매장",
        "resourcingCostKrw", 201000L, "resourcingEta", EngineClock.today().plusDays(14).toString(), "resourcingNotes", "같은 사이즈 확보");
    driver.complete(pi, "UserTask_ConfirmNewDate", "cs-agent1", "customerChoice", "WAIT", "customerChoiceNote", "2주 뒤 수령 동의");
    driver.executeJobs(pi);
    // Two lines to send, side by side: the re-sourced pair and the gift.
    var shipments = driver.openTasks(pi, "UserTask_ShipReplacement");
    assertThat(shipments).hasSize(2);
    shipments.forEach(task -> {
      engine.getTaskService().claim(task.getId(), "logistics1");
      engine.getTaskService().complete(task.getId(), CaseDriver.map("trackingNumber", "EMS-22" + task.getId().hashCode() % 100,
          "packagingNotes", "이중 박스, 모서리 보강"));
    });
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L);

    assertThat(pi).isEnded();
    assertThat(acceptedLines(pi)).containsExactly("REFUND 227000", "RESOURCING 189000", "GIFT 10000");
    assertThat(acceptedOffer(pi).approvedBy()).isEqualTo("cs-director1");
    assertThat(acceptedOffer(pi).lines().get(0).basis()).contains("해외구매대행");
    assertThat(paidLines(pi)).containsExactly("REFUND 227000");
  }

  /** A customer attacks the brand on SNS: a fast reply, then private; a refund a lead approves; a polite request to update the post. */
  @Test
  void snsAttackIsAnsweredRefundedAndThePostUpdateRequested() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "daejeon").putValue("channel", "SNS").putValue("orderValue", 35000L)
        .putValue("publicPostUrl", "https://sns.example.kr/post/77").putValue("description", "브랜드 비난 게시글"));
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_AssessPublicRisk", "pr-risk1", "riskLevel", "MEDIUM", "riskNotes", "공개 답글 후 DM 전환",
        "movedToPrivate", true);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "사과, 결제 취소 요청 확인", "remedySought", "REFUND");
    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "PARTIAL", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.lines("REFUND", 35000L, "결제 취소"), "offerText", "결제를 취소해 드립니다",
        "remedyDeviationReason", "공개 불만 고객의 결제 취소 요청");
    driver.complete(pi, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", true, "approvalNote", "취소 승인");
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");
    driver.complete(pi, "UserTask_ConfirmReturnReceipt", "logistics1", "noReturnNeeded", true, "noReturnReason", "서비스 불만, 회수할 상품 없음");
    driver.executeJobs(pi);
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 4L, "postUpdateRequested", true);

    assertThat(pi).isEnded();
    assertThat(acceptedLines(pi)).containsExactly("REFUND 35000");
    assertThat(acceptedOffer(pi).approvedBy()).isEqualTo("cs-lead1");
    assertThat(paidLines(pi)).containsExactly("REFUND 35000");
    assertThat(variable(pi, "postUpdateRequested")).isEqualTo(true);
  }

  /** A phone case cracked on day one (a mould fault): a coupon for a new order, within the agent's own authority. */
  @Test
  void crackedPhoneCaseGetsACouponAndTheMouldIsFixed() {
    ProcessInstance pi = driver.startCase(intake("PRODUCT_DEFECT", "gwangju").putValue("channel", "WEB")
        .putValue("productCode", "CASE-CUSTOM-" + TestData.next()).putValue("description", "받은 날 금이 감"));
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "월요일 아침 첫 연락", "remedySought", "COUPON",
        "defectSeverity", "SERIOUS", "goodsValue", 19000L);
    driver.complete(pi, "UserTask_InspectProduct", "quality1", "defectFound", true, "qualityFindings", "금형 불량");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "MOULD_DEFECT", "companyFault", "YES",
        "analysisFindings", "금형 수정 필요");
    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", "MOULD_DEFECT",
        "offerLines", TestData.lines("COUPON", 10000L, "새 주문에 쓰는 쿠폰"), "offerText", "새 주문 쿠폰을 드립니다",
        "remedyDeviationReason", "고객이 교환 대신 새 디자인 주문을 원함");
    assertThat(driver.openTasks(pi, "UserTask_ApproveOffer")).as("within an agent's authority").isEmpty();
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");
    driver.executeJobs(pi);
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L);

    assertThat(pi).isEnded();
    assertThat(acceptedLines(pi)).containsExactly("COUPON 10000");
    assertThat(acceptedOffer(pi).approval()).isEqualTo(Offers.Approval.NOT_NEEDED);
    assertThat(paidLines(pi)).containsExactly("COUPON 10000");
  }

  @Test
  void mouldFaultsOfTheSameProductJoinOneCorrectiveAction() {
    ProcessInstance first = caseWithFault("PHONE-CASE-X", "MOULD_DEFECT");
    ProcessInstance second = caseWithFault("PHONE-CASE-X", "MOULD_DEFECT");

    var actions = runtimeService.createProcessInstanceQuery().processDefinitionKey("prevention-action")
        .processInstanceBusinessKey("PA-PHONE-CASE-X-MOULD_DEFECT").list();
    assertThat(actions).hasSize(1);
    assertThat(runtimeService.getVariable(actions.get(0).getId(), "linkedCaseNumbers"))
        .isEqualTo(first.getBusinessKey() + ", " + second.getBusinessKey());
  }

  private ProcessInstance caseWithFault(String productCode, String rootCause) {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul").putValue("productCode", productCode).putValue("channel", "WEB"));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "첫날 금이 감", "remedySought", "COUPON");
    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "YES", "rootCause", rootCause,
        "offerLines", TestData.offer("APOLOGY", 0L), "offerText", "사과");
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 4L);
    driver.executeJobs(pi);
    assertThat(pi).isEnded();
    return pi;
  }

  /** The offer the customer accepted. */
  private Offers.Offer acceptedOffer(ProcessInstance pi) {
    return offers.of(pi.getBusinessKey()).stream().filter(o -> Boolean.TRUE.equals(o.accepted())).findFirst().orElseThrow();
  }

  /** The accepted offer's lines: "REMEDY amount". */
  private List<String> acceptedLines(ProcessInstance pi) {
    return acceptedOffer(pi).lines().stream().map(l -> l.remedy() + " " + l.amountKrw()).toList();
  }

  /** What was paid or credited for the case, line by line: "REMEDY amount". */
  private List<String> paidLines(ProcessInstance pi) {
    return jdbc.queryForList("SELECT remedy || ' ' || amount_krw FROM payout WHERE case_number = ? ORDER BY reference",
        String.class, pi.getBusinessKey());
  }

  private Object variable(ProcessInstance pi, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  private static org.camunda.bpm.engine.task.Task task(ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
        .createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }
}
