package kr.complaintdesk.resolution;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.casefile.Offers.Approval;
import kr.complaintdesk.resolution.FourEyesCheckListener.FourEyesViolation;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.ProcessTestBase;
import kr.complaintdesk.support.TestData;
import kr.complaintdesk.timeline.Timeline;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approval before the customer hears an offer ({@code offer-approval}): the {@code approval-authority} table names
 * the least group whose authority covers the offer's total; a preparer in that group or above presents it at once,
 * anyone else's offer goes to that group and the groups above it, and the preparer never approves their own.
 */
@ProcessTest
class OfferApprovalProcessTest extends ProcessTestBase {

  static final String APPROVE = "UserTask_ApproveOffer";

  @Autowired IdentityService identityService;
  @Autowired Offers offers;
  @Autowired Timeline timeline;

  @ParameterizedTest(name = "{0} KRW, harm {1}, prepared by {2}: {3}")
  @CsvSource({
    "20000, false, cs-agent1, ''",
    "30000, false, cs-agent1, ''",
    "30001, false, cs-agent1, cs-lead cs-director",
    "300000, false, cs-agent1, cs-lead cs-director",
    "300001, false, cs-agent1, cs-director",
    "0, true, cs-agent1, cs-lead cs-director",
    "300000, true, cs-agent1, cs-lead cs-director",
    "300001, true, cs-agent1, cs-director",
    "300000, false, cs-lead1, ''",
    "300000, true, cs-lead1, ''",
    "300001, false, cs-lead1, cs-director",
    "900000, true, cs-director1, ''"
  })
  void anOfferBeyondItsPreparersAuthorityGoesToTheGroupTheTablePicksAndTheGroupsAboveIt(long total, boolean harm,
      String preparedBy, String offeredTo) {
    Prepared offer = prepare(TestData.offer("REFUND", total), total, harm, preparedBy);

    if (offeredTo.isEmpty()) {
      assertThat(offer.approval()).isEnded().hasNotPassed(APPROVE);
      assertThat(driver.historicValue(offer.approval(), "offerApproved")).isEqualTo(true);
      assertThat(latest(offer).approval()).isEqualTo(Approval.NOT_NEEDED);
    } else {
      assertThat(offer.approval()).isWaitingAtExactly(APPROVE);
      assertThat(driver.candidateGroups(driver.task(offer.approval(), APPROVE)))
          .containsExactlyInAnyOrder(offeredTo.split(" "));
      assertThat(latest(offer).approval()).isEqualTo(Approval.PENDING);
    }
  }

  /** Goods count at their value: an exchange worth 59,000 KRW is beyond an agent's 30,000. */
  @Test
  void goodsCountAtTheirValueTowardsTheAuthorityNeeded() {
    JsonValue lines = TestData.offer("EXCHANGE", 59000L, "COUPON", 5000L);
    Prepared offer = prepare(lines, 64000, false, "cs-agent1");

    assertThat(offer.approval()).isWaitingAtExactly(APPROVE);
    assertThat(driver.candidateGroups(driver.task(offer.approval(), APPROVE))).containsExactlyInAnyOrder("cs-lead", "cs-director");
  }

  @Test
  void theApproversDecisionIsStoredOnTheOfferAndOnTheTimeline() {
    Prepared offer = prepare(TestData.offer("STORE_CREDIT", 150000L), 150000, false, "cs-agent1");

    driver.complete(offer.approval(), APPROVE, "cs-lead1", "offerApproved", true, "approvalNote", "규정 범위 안");

    assertThat(offer.approval()).isEnded();
    assertThat(driver.historicValue(offer.approval(), "offerApproved")).isEqualTo(true);
    Offers.Offer stored = latest(offer);
    assertThat(stored.approval()).isEqualTo(Approval.APPROVED);
    assertThat(stored.approvedBy()).isEqualTo("cs-lead1");
    assertThat(stored.approvalNote()).isEqualTo("규정 범위 안");
    assertThat(timeline.of(offer.caseNumber())).anySatisfy(entry -> assertThat(entry.summary()).startsWith("해결안 승인: 적립금"));
  }

  @Test
  void aRejectedOfferIsNeverAnswerableByTheCustomer() {
    Prepared offer = prepare(TestData.offer("REFUND", 80000L), 80000, false, "cs-agent1");

    driver.complete(offer.approval(), APPROVE, "cs-lead1", "offerApproved", false, "approvalNote", "환불 근거 부족");

    assertThat(driver.historicValue(offer.approval(), "offerApproved")).isEqualTo(false);
    assertThat(latest(offer).approval()).isEqualTo(Approval.REJECTED);
    assertThat(offers.answer(offer.caseNumber(), true)).as("nothing was put to the customer").isFalse();
  }

  @Test
  void thePreparerCannotClaimTheApprovalOfTheirOwnOffer() {
    // A preparer in the lead group who is also an agent: the offer exceeds what the table gives agents.
    Prepared offer = prepare(TestData.offer("COUPON", 400000L), 400000, false, "cs-lead1");
    String approvalId = driver.task(offer.approval(), APPROVE).getId();
    assertThat(driver.candidateGroups(driver.task(offer.approval(), APPROVE))).containsExactly("cs-director");
    identityService.createMembership("cs-lead1", "cs-director");
    try {
      assertFourEyesViolation(() -> taskService.claim(approvalId, "cs-lead1"));
      assertThat(taskService.createTaskQuery().taskId(approvalId).singleResult()).isNotAssigned();
      assertFourEyesViolation(() -> taskService.setAssignee(approvalId, "cs-lead1"));
      assertThat(taskService.createTaskQuery().taskId(approvalId).singleResult()).isNotAssigned();
    } finally {
      identityService.deleteMembership("cs-lead1", "cs-director");
    }
    taskService.claim(approvalId, "cs-director1");
    assertThat(taskService.createTaskQuery().taskId(approvalId).singleResult()).isAssignedTo("cs-director1");
  }

  @Test
  void thePreparerCannotCompleteAnApprovalAnotherApproverClaimed() {
    // A lead who is also a director now: the offer was beyond the lead's authority when it was prepared.
    Prepared offer = prepare(TestData.offer("REFUND", 400000L), 400000, false, "cs-lead1");
    String approvalId = driver.task(offer.approval(), APPROVE).getId();
    taskService.claim(approvalId, "cs-director1");

    identityService.setAuthentication("cs-lead1", List.of("cs-lead", "cs-director"));
    try {
      assertFourEyesViolation(() -> taskService.complete(approvalId,
          CaseDriver.map("offerApproved", true, "approvalNote", "본인 승인")));
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(offer.approval()).isWaitingAtExactly(APPROVE);
    assertThat(latest(offer).approval()).isEqualTo(Approval.PENDING);
  }

  /** A lead may approve whatever an agent may: the lead takes a 50,000 KRW refund an agent prepared. */
  @Test
  void aLeadApprovesWhatAnAgentMayNotPresent() {
    Prepared offer = prepare(TestData.offer("REFUND", 50000L), 50000, false, "cs-agent1");
    String approvalId = driver.task(offer.approval(), APPROVE).getId();

    identityService.setAuthentication("cs-lead1", List.of("cs-lead"));
    try {
      assertThat(taskService.createTaskQuery().taskId(approvalId).taskCandidateGroup("cs-lead").count()).isEqualTo(1);
      taskService.claim(approvalId, "cs-lead1");
      taskService.complete(approvalId, CaseDriver.map("offerApproved", true, "approvalNote", "팀장 승인"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(offer.approval()).isEnded();
  }

  record Prepared(String caseNumber, ProcessInstance approval) {}

  private Prepared prepare(JsonValue lines, long total, boolean harm, String preparedBy) {
    String caseNumber = CaseDriver.registerCase(jdbc);
    long offerId = offers.record(caseNumber, 1, false, OfferLines.parse(lines.getValueSerialized()), "해결안", preparedBy,
        Approval.PENDING);
    ProcessInstance approval = runtimeService.startProcessInstanceByKey("offer-approval", caseNumber, Variables.createVariables()
        .putValue("caseNumber", caseNumber).putValue("offerId", offerId).putValue("priority", harm ? "P1" : "P3")
        .putValue("category", harm ? "INJURY" : "PRODUCT_DEFECT").putValue("harm", harm)
        .putValue("offerLines", lines).putValue("offerTotalKrw", total)
        .putValue("offerSummary", OfferLines.summary(OfferLines.parse(lines.getValueSerialized())))
        .putValue("offerText", "불편을 드려 죄송합니다").putValue("offerPreparedBy", preparedBy));
    return new Prepared(caseNumber, approval);
  }

  private Offers.Offer latest(Prepared offer) {
    List<Offers.Offer> all = offers.of(offer.caseNumber());
    return all.get(all.size() - 1);
  }

  private void assertFourEyesViolation(ThrowingCallable action) {
    assertThatThrownBy(action).satisfiesAnyOf(
        thrown -> assertThat(thrown).isInstanceOf(FourEyesViolation.class),
        thrown -> assertThat(thrown).hasRootCauseInstanceOf(FourEyesViolation.class));
  }
}
