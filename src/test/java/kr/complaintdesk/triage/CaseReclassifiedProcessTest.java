package kr.complaintdesk.triage;

import static kr.complaintdesk.casefile.CaseVariables.CATEGORY_NAME;
import static kr.complaintdesk.casefile.CaseVariables.CORRECTED_CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CORRECTED_HARM;
import static kr.complaintdesk.casefile.CaseVariables.RECLASSIFICATION_NOTE;
import static kr.complaintdesk.casefile.CaseVariables.RECLASSIFIED_BY;
import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.ProcessTestBase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * complaint-case's event sub-process "불만 재분류" (message CaseReclassified): the triage table decides again on the
 * corrected category and harm, the case takes the new category and routing, and its priority rises with its work,
 * as a threat raises it, but never falls; the new category reaches the called processes and the open tasks' cards.
 * The timeline shows before and after, who and why.
 */
class CaseReclassifiedProcessTest extends ProcessTestBase {

  @Test
  void aNewHarmMakesTheCaseP1AsAThreatWouldWithItsAnalysisAndOpenTasks() {
    ProcessInstance pi = startCase("PRODUCT_DEFECT");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "용기 파손", "remedySought", "EXCHANGE");
    ProcessInstance analysis = calledInstance(pi, "cause-analysis");
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo("P2");
    assertThat(driver.task(pi, "UserTask_InspectProduct").getPriority()).isEqualTo(60);

    reclassify(pi, "INJURY", true, "파손된 용기에 손가락을 베였음", "cs-agent1");

    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("category", "INJURY").containsEntry("harm", true)
        .containsEntry("priority", "P1").containsEntry("needsQuality", true).containsEntry("visitOffered", true)
        .doesNotContainKeys(CORRECTED_CATEGORY, CORRECTED_HARM, RECLASSIFICATION_NOTE, RECLASSIFIED_BY);
    assertThat((String) runtimeService.getVariable(pi.getId(), "triageDecision")).startsWith("complaint-triage v");
    assertThat(runtimeService.getVariables(analysis.getId())).containsEntry("priority", "P1").containsEntry("category", "INJURY");
    assertThat(taskService.getVariableLocal(driver.task(pi, "UserTask_InspectProduct").getId(), CATEGORY_NAME))
        .isEqualTo("신체 상해");
    assertThat(driver.task(pi, "UserTask_InspectProduct").getPriority()).isEqualTo(80);
    assertThat(pi).hasPassed("EndEvent_CaseReclassified").isWaitingAt("CallActivity_CauseAnalysis");
    assertThat(jdbc.queryForObject("SELECT category FROM complaint_case WHERE case_number = ?", String.class,
        pi.getBusinessKey())).isEqualTo("INJURY");
    Map<String, Object> entry = lastTimelineEntry(pi);
    assertThat(entry).containsEntry("actor", "cs-agent1").containsEntry("kind", "DECISION")
        .containsEntry("details", "파손된 용기에 손가락을 베였음");
    assertThat((String) entry.get("summary"))
        .startsWith("분류 정정: 불만 유형 제품 하자 → 신체 상해, 신체 피해 아니요 → 예, 방문 케어 제안 아니요 → 예, "
            + "우선순위 P2 → P1 (complaint-triage v");
  }

  @Test
  void theNewCategoryReachesTheCalledCareAndAnalysisAndTheCardsOfEveryOpenTask() {
    ProcessInstance pi = startCase("HEALTH_HARM");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "볼에 상처", "remedySought", "TREATMENT_COSTS",
        "visitConsent", true);
    ProcessInstance care = calledInstance(pi, "care-visit");
    ProcessInstance analysis = calledInstance(pi, "cause-analysis");
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list();
    assertThat(open).extracting(Task::getTaskDefinitionKey).contains("UserTask_ScheduleVisit", "UserTask_ReviewEvidence");
    assertThat(open).allSatisfy(task ->
        assertThat(taskService.getVariableLocal(task.getId(), CATEGORY_NAME)).isEqualTo("피부·건강 이상"));

    reclassify(pi, "INJURY", true, "발진이 아니라 용기 파편에 베인 상처", "cs-agent1");

    for (ProcessInstance instance : List.of(pi, care, analysis)) {
      assertThat(runtimeService.getVariable(instance.getId(), "category")).as(instance.getProcessDefinitionId())
          .isEqualTo("INJURY");
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list())
        .hasSameSizeAs(open).allSatisfy(task -> assertThat(taskService.getVariableLocal(task.getId(), CATEGORY_NAME))
            .as(task.getTaskDefinitionKey()).isEqualTo("신체 상해"));
  }

  @Test
  void aCorrectionToALowerCategoryKeepsThePriorityAndSaysSo() {
    ProcessInstance pi = startCase("PRODUCT_DEFECT");

    reclassify(pi, "DELIVERY_DELAY", false, "하자가 아니라 배송 지연 문의", "cs-lead1");

    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("category", "DELIVERY_DELAY")
        .containsEntry("priority", "P2").containsEntry("needsQuality", false).containsEntry("needsLogistics", true);
    assertThat(driver.task(pi, "UserTask_FirstContact").getPriority()).isEqualTo(60);
    assertThat((String) lastTimelineEntry(pi).get("summary")).isEqualTo("분류 정정: 불만 유형 제품 하자 → 배송 지연, "
        + "품질 검사 예 → 아니요, 물류 조사 아니요 → 예, 우선순위 P2 그대로 (다시 분류한 결과 P3, 낮추지 않음) ("
        + runtimeService.getVariable(pi.getId(), "triageDecision") + ")");
  }

  @Test
  void aCaseAThreatMadeP1StaysP1AndKeepsItsPublicRiskAlert() {
    ProcessInstance pi = startCase("PRODUCT_DEFECT");
    runtimeService.createMessageCorrelation("ExternalThreatRaised").processInstanceId(pi.getId()).correlate();
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo("P1");

    reclassify(pi, "SERVICE", false, "제품 문제가 아니라 상담 불만", "cs-agent1");

    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("category", "SERVICE")
        .containsEntry("priority", "P1").containsEntry("prRiskAlert", true);
    assertThat(driver.task(pi, "UserTask_FirstContact").getPriority()).isEqualTo(80);
  }

  @Test
  void aRiseBelowP1GivesTheOpenWorkItsNewPriorityToo() {
    ProcessInstance pi = startCase("SERVICE");
    assertThat(driver.task(pi, "UserTask_FirstContact").getPriority()).isEqualTo(50);

    reclassify(pi, "WRONG_ITEM", false, "다른 색상이 배송됨", "cs-agent1");

    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo("P2");
    assertThat(driver.task(pi, "UserTask_FirstContact").getPriority()).isEqualTo(60);
  }

  @Test
  void aHarmFoundBeforeTheFirstContactIsCaredForFromTheFirstContact() {
    ProcessInstance pi = startCase("SERVICE");
    assertThat(runtimeService.getVariable(pi.getId(), "visitOffered")).isEqualTo(false);

    reclassify(pi, "HEALTH_HARM", true, "상담 중 피부 발진을 말함", "cs-agent1");
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "발진", "remedySought", "TREATMENT_COSTS",
        "visitConsent", true);

    assertThat(pi).isWaitingAt("CallActivity_CareVisit", "CallActivity_CauseAnalysis");
    assertThat(driver.candidateGroups(driver.task(pi, "UserTask_ScheduleVisit"))).containsExactly("region-seoul");
    assertThat(driver.task(pi, "UserTask_ReviewEvidence").getPriority()).isEqualTo(80);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance startCase(String category) {
    // A first-time customer: a repeat complainant would be P2 whatever the category.
    return driver.startCase(intake(category, "seoul").putValue("customerPhone", TestData.phone()));
  }

  /** What the case API sends (CaseActions.reclassify), straight to the case. */
  private void reclassify(ProcessInstance pi, String category, boolean harm, String note, String by) {
    runtimeService.createMessageCorrelation("CaseReclassified").processInstanceId(pi.getId())
        .setVariable(CORRECTED_CATEGORY, category)
        .setVariable(CORRECTED_HARM, harm)
        .setVariable(RECLASSIFICATION_NOTE, note)
        .setVariable(RECLASSIFIED_BY, by)
        .correlate();
  }

  private ProcessInstance calledInstance(ProcessInstance pi, String processKey) {
    ProcessInstance called = driver.running(processKey, pi.getBusinessKey());
    assertThat(called).as("%s of %s", processKey, pi.getBusinessKey()).isNotNull();
    return called;
  }

  private Map<String, Object> lastTimelineEntry(ProcessInstance pi) {
    return jdbc.queryForMap("SELECT kind, actor, summary, details FROM timeline_entry WHERE case_number = ? "
        + "ORDER BY id DESC LIMIT 1", pi.getBusinessKey());
  }
}
