package kr.complaintdesk.care;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.File;
import java.util.List;
import java.util.stream.Stream;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTestBase;
import kr.complaintdesk.support.TestData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * complaint-case's event sub-process "방문 케어 요청" (message VisitRequested): a care visit staff ask for after the
 * first contact runs as the visit triage starts, its costs reach the case and the offer waits for it when it has not
 * been prepared yet. It is refused where it would harm the case: a second visit, or one after the customer accepted.
 */
class VisitRequestedProcessTest extends ProcessTestBase {

  static final String REQUESTED_CARE = "CallActivity_RequestedCareVisit";
  static final String WAIT_FOR_REQUESTED_CARE = "IntermediateCatchEvent_RequestedCareEnded";

  @Autowired CaseActions cases;

  @Test
  void theRequestedVisitCallsTheCareVisitWithTheSameVariablesAsTriagesVisit() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/complaint-case.bpmn"));

    assertThat(mappings(model, REQUESTED_CARE)).isEqualTo(mappings(model, "CallActivity_CareVisit"))
        .contains("in treatmentCostTotal → treatmentCostTotal", "out treatmentCostTotal → treatmentCostTotal");
    CallActivity requested = model.getModelElementById(REQUESTED_CARE);
    CallActivity triaged = model.getModelElementById("CallActivity_CareVisit");
    assertThat(requested.getCalledElement()).isEqualTo(triaged.getCalledElement()).isEqualTo("care-visit");
    assertThat(requested.getCamundaCalledElementBinding()).isEqualTo(triaged.getCamundaCalledElementBinding());
  }

  @Test
  void aVisitRequestedDuringTheAnalysisIsMadeInTheCustomersRegionAndTheOfferWaitsForItsCosts() {
    ProcessInstance pi = startCase("PRODUCT_DEFECT", "busan");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "케이스 모서리 파손", "remedySought", "EXCHANGE");
    assertThat(pi).hasNotPassed("CallActivity_CareVisit").isWaitingAt("CallActivity_CauseAnalysis");

    cases.requestVisit(pi.getBusinessKey(), "파손된 모서리에 손을 베였다고 다시 연락", "cs-agent1");

    assertThat(pi).isWaitingAt(REQUESTED_CARE, "CallActivity_CauseAnalysis");
    ProcessInstance care = careVisit(pi);
    assertThat(driver.candidateGroups(driver.task(pi, "UserTask_ScheduleVisit"))).containsExactly("region-busan");
    assertThat(runtimeService.getVariables(care.getId())).containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("region", "busan").containsEntry("priority", "P2").containsEntry("category", "PRODUCT_DEFECT")
        .containsEntry("contactNotes", "케이스 모서리 파손").containsKeys("customerName", "customerPhone", "description");

    driver.complete(pi, "UserTask_InspectProduct", "quality1", "qualityFindings", "모서리 금형 불량");
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1", "rootCause", "MOULD_DEFECT", "companyFault", "YES",
        "analysisFindings", "금형 불량");

    assertThat(pi).as("the offer waits for the requested care as for triage's").isWaitingAt(REQUESTED_CARE, WAIT_FOR_REQUESTED_CARE)
        .hasNotPassed("BusinessRuleTask_SuggestRemedies");

    makeTheVisit(pi, "region-busan1", 35000L);

    assertThat(pi).hasPassed("EndEvent_RequestedCareCompleted", WAIT_FOR_REQUESTED_CARE).isWaitingAt("UserTask_PrepareOffer");
    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("treatmentCostTotal", 35000L)
        .containsEntry("recovered", true).containsEntry("careNotes", "상처 회복 확인")
        .containsEntry(CaseVariables.REQUESTED_CARE_VISIT_RUNNING, false);
    assertThat(jdbc.queryForList("SELECT summary FROM timeline_entry WHERE case_number = ? AND actor = 'cs-agent1'",
        String.class, pi.getBusinessKey())).contains("방문 케어 요청 (부산 지역 사업부)");
  }

  @Test
  void aCaseWithNothingToWaitForGoesStraightOnToTheOffer() {
    ProcessInstance pi = startCase("SERVICE", "seoul");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "불친절", "remedySought", "APOLOGY");

    assertThat(pi).hasPassed("Gateway_RequestedCareRunning").hasNotPassed(WAIT_FOR_REQUESTED_CARE)
        .isWaitingAt("UserTask_PrepareOffer");
  }

  @Test
  void aVisitIsRefusedOnceAnOfferIsOnTheTableAndWhileCompensationRuns() {
    ProcessInstance pi = startAt("UserTask_PrepareOffer", "daegu");
    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "NO", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer("REFUND", 25000L), "offerText", "환불");
    // The offer waits for the customer: no later offer is sure to come, so a visit's costs might never be offered.
    assertRefused(() -> cases.requestVisit(pi.getBusinessKey(), "답을 기다리는 중 발진이 생겼다고 연락", "cs-agent1"),
        "이미 해결안 단계에 있어");
    assertThat(careVisit(pi)).isNull();
    driver.complete(pi, "UserTask_RecordCustomerResponse", "cs-agent1", "offerAccepted", true, "customerResponseNote", "수락");
    assertThat(pi).isWaitingAt("CallActivity_Compensation");
    int entries = timelineSize(pi);

    assertRefused(() -> cases.requestVisit(pi.getBusinessKey(), "배송 중 넘어진 상자에 다쳤다고 연락", "cs-lead1"),
        "이미 해결안 단계에 있어");

    assertThat(pi).hasNotPassed("StartEvent_VisitRequested").isWaitingAt("CallActivity_Compensation");
    assertThat(careVisit(pi)).isNull();
    assertThat(timelineSize(pi)).isEqualTo(entries);
  }

  @Test
  void aVisitIsRefusedAtTheFollowUpOfAnAcceptedOfferSoTheCaseCannotCloseWhileCareRuns() {
    ProcessInstance pi = startAt("UserTask_FollowUpCall", "gwangju", true);

    assertRefused(() -> cases.requestVisit(pi.getBusinessKey(), "사후 관리 중 증상 재발", "cs-agent1"),
        "이미 해결안 단계에 있어");

    assertThat(pi).hasNotPassed("StartEvent_VisitRequested").isWaitingAt("UserTask_FollowUpCall");
    assertThat(careVisit(pi)).isNull();
  }

  @Test
  void aVisitIsRequestedOnlyAfterTheFirstContactAndNotWhileACareVisitRuns() {
    ProcessInstance pi = startCase("HEALTH_HARM", "busan");
    String caseNumber = pi.getBusinessKey();

    assertRefused(() -> cases.requestVisit(caseNumber, "증상 악화", "cs-agent1"), "1차 응대가 아직 끝나지 않았습니다");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "볼에 염증", "remedySought", "TREATMENT_COSTS",
        "visitConsent", true);
    assertThat(pi).isWaitingAt("CallActivity_CareVisit");

    assertRefused(() -> cases.requestVisit(caseNumber, "증상 악화", "cs-agent1"), "진행 중인 방문 케어가 있습니다");
    assertThat(pi).hasNotPassed("StartEvent_VisitRequested");
  }

  @Test
  void aSecondVisitAfterTheFirstHasEndedIsRefusedSoTheFirstVisitsResultsStay() {
    ProcessInstance pi = startAt("UserTask_PrepareOffer", "daejeon");
    cases.requestVisit(pi.getBusinessKey(), "발진", "cs-agent1");
    makeTheVisit(pi, "region-daejeon1", 30000L);
    runtimeService.setVariable(pi.getId(), "dermatologistDiagnosis", true);
    int entries = timelineSize(pi);

    assertRefused(() -> cases.requestVisit(pi.getBusinessKey(), "발진 재발", "cs-agent1"), "방문 케어는 이미 끝났습니다");

    assertThat(careVisit(pi)).isNull();
    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("treatmentCostTotal", 30000L)
        .containsEntry("dermatologistDiagnosis", true).containsEntry("recovered", true);
    assertThat(timelineSize(pi)).isEqualTo(entries);
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer");
  }

  @Test
  void aWithdrawalEndsTheRequestedCareWithTheCase() {
    ProcessInstance pi = startAt("UserTask_PrepareOffer", "seoul");
    cases.requestVisit(pi.getBusinessKey(), "두드러기", "cs-agent1");
    ProcessInstance care = careVisit(pi);

    runtimeService.createMessageCorrelation("ComplaintWithdrawn").processInstanceId(pi.getId()).correlate();

    assertThat(pi).isEnded();
    assertThat(care).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance startCase(String category, String region) {
    // A first-time customer: a repeat complainant would be P2 whatever the category.
    return driver.startCase(intake(category, region).putValue("customerPhone", TestData.phone()));
  }

  /** A case in the middle, its first contact made; the public-risk and agency-reply tracks wait at their join. */
  private ProcessInstance startAt(String activityId, String region) {
    return startAt(activityId, region, false);
  }

  private ProcessInstance startAt(String activityId, String region, boolean offerAccepted) {
    String caseNumber = CaseDriver.registerCase(jdbc);
    return runtimeService.createProcessInstanceByKey("complaint-case")
        .businessKey(caseNumber)
        .setVariables(intake("SERVICE", region).putValue("caseNumber", caseNumber).putValue("priority", "P3")
            .putValue("harm", false).putValue("contactNotes", "1차 응대 기록").putValue("offerAccepted", offerAccepted)
            .putValue("companyFault", "NO"))
        .startBeforeActivity(activityId)
        .startBeforeActivity("Gateway_JoinRiskTrack")
        .startBeforeActivity("Gateway_JoinRiskTrack")
        .execute();
  }

  private int timelineSize(ProcessInstance pi) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE case_number = ?", Integer.class,
        pi.getBusinessKey());
  }

  private ProcessInstance careVisit(ProcessInstance pi) {
    return driver.running("care-visit", pi.getBusinessKey());
  }

  private static void assertRefused(ThrowingCallable request, String reason) {
    assertThatThrownBy(request)
        .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT))
        .hasMessageContaining(reason);
  }

  /** The regional division schedules and makes the visit; the customer has recovered. */
  private void makeTheVisit(ProcessInstance pi, String regionUser, long treatmentCost) {
    driver.complete(pi, "UserTask_ScheduleVisit", regionUser, "visitAt", "2026-03-02T10:00");
    driver.complete(pi, "UserTask_VisitCustomer", regionUser, "careNotes", "상처 회복 확인", "recovered", true,
        "treatmentCostAdded", treatmentCost);
  }

  /** "in source → target" and "out source → target" of a call activity, ins first, each in model order. */
  private static List<String> mappings(BpmnModelInstance model, String callActivity) {
    ExtensionElements extensions = ((CallActivity) model.getModelElementById(callActivity)).getExtensionElements();
    Stream<String> ins = extensions.getElementsQuery().filterByType(CamundaIn.class).list().stream()
        .map(in -> "in " + (in.getCamundaBusinessKey() != null ? "businessKey " + in.getCamundaBusinessKey()
            : in.getCamundaSource() + " → " + in.getCamundaTarget()));
    Stream<String> outs = extensions.getElementsQuery().filterByType(CamundaOut.class).list().stream()
        .map(out -> "out " + out.getCamundaSource() + " → " + out.getCamundaTarget());
    return Stream.concat(ins, outs).toList();
  }
}
