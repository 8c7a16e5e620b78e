package kr.complaintdesk.care;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import kr.complaintdesk.support.ProcessTestBase;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

@ProcessTest
class CareVisitProcessTest extends ProcessTestBase {

  static final String SCHEDULE_VISIT = "UserTask_ScheduleVisit";
  static final String VISIT_CUSTOMER = "UserTask_VisitCustomer";
  static final String CHECK_RECOVERY = "UserTask_CheckRecovery";
  static final String CARE_COMPLETED = "EndEvent_CareCompleted";


  @Test
  void visitIsArrangedAndMadeByTheRegionalDivisionOfTheCustomer() {
    ProcessInstance busan = startCare("busan");
    ProcessInstance daegu = startCare("daegu");

    assertThat(busan).isWaitingAtExactly(SCHEDULE_VISIT);
    assertThat(driver.task(busan, SCHEDULE_VISIT)).hasCandidateGroup("region-busan");
    assertThat(candidateGroups(driver.task(busan, SCHEDULE_VISIT))).containsExactly("region-busan");
    assertThat(candidateGroups(driver.task(daegu, SCHEDULE_VISIT))).containsExactly("region-daegu");

    driver.complete(busan, SCHEDULE_VISIT, "region-busan1", "visitAt", "2026-03-02T10:00", "hospitalAccompanimentPlanned", true);

    assertThat(busan).isWaitingAtExactly(VISIT_CUSTOMER);
    assertThat(driver.task(busan, VISIT_CUSTOMER)).hasCandidateGroup("region-busan");
    assertThat(candidateGroups(driver.task(busan, VISIT_CUSTOMER))).containsExactly("region-busan");
  }

  @Test
  void careEndsWhenTheCustomerHasRecoveredAtTheFirstVisit() {
    ProcessInstance care = startCare("busan");
    driver.complete(care, SCHEDULE_VISIT, "region-busan1", "visitAt", "2026-03-02T10:00");

    driver.complete(care, VISIT_CUSTOMER, "region-busan1",
        "careNotes", "상태 양호, 완치 확인", "recovered", true, "treatmentCostAdded", 35000L);

    assertThat(care).isEnded().hasPassed(CARE_COMPLETED).hasNotPassed(CHECK_RECOVERY);
    assertThat(historicValue(care, "treatmentCostTotal")).isEqualTo(35000L);
  }

  @Test
  void oneRecoveryCheckFollowsAVisitWhereTheCustomerHadNotRecovered() {
    ProcessInstance care = atVisit("gwangju");

    driver.complete(care, VISIT_CUSTOMER, "region-gwangju1",
        "careNotes", "발진 지속, 병원 동행", "hospitalAccompanied", true, "recovered", false,
        "treatmentCostAdded", 50000L);

    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY)).hasCandidateGroup("region-gwangju");
    assertThat(candidateGroups(driver.task(care, CHECK_RECOVERY))).containsExactly("region-gwangju");

    driver.complete(care, CHECK_RECOVERY, "region-gwangju1", "recoveryNotes", "완치", "recovered", true);

    assertThat(care).isEnded().hasPassedInOrder(VISIT_CUSTOMER, CHECK_RECOVERY, CARE_COMPLETED);
    assertThat(historicValue(care, "treatmentCostTotal")).isEqualTo(50000L);
  }

  @Test
  void recoveryIsCheckedAgainUntilTheCustomerHasRecoveredAndCostsAddUp() {
    ProcessInstance care = atVisit("busan");

    driver.complete(care, VISIT_CUSTOMER, "region-busan1",
        "careNotes", "접촉성 피부염 소견", "recovered", false, "treatmentCostAdded", 50000L);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(50000L);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostAdded"))
        .as("the entry field starts empty at the next check").isNull();
    String firstCheck = driver.task(care, CHECK_RECOVERY).getId();

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "감염으로 악화, 재진료", "recovered", false, "treatmentCostAdded", 20000L);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY).getId()).isNotEqualTo(firstCheck);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(70000L);

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "호전 중, 비용 없음", "recovered", false);
    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(70000L);

    driver.complete(care, CHECK_RECOVERY, "region-busan1",
        "recoveryNotes", "완치 확인", "recovered", true, "treatmentCostAdded", 12500L);

    assertThat(care).isEnded().hasPassed(CARE_COMPLETED);
    assertThat(historicValue(care, "treatmentCostTotal")).isEqualTo(82500L);
  }

  @Test
  void negativeTreatmentCostIsRejectedAndChangesNothing() {
    ProcessInstance care = atVisit("daejeon");
    driver.complete(care, VISIT_CUSTOMER, "region-daejeon1",
        "careNotes", "병원 동행", "recovered", false, "treatmentCostAdded", 50000L);
    Task check = driver.task(care, CHECK_RECOVERY);

    assertThatThrownBy(() -> driver.complete(care, CHECK_RECOVERY, "region-daejeon1",
            "recoveryNotes", "환불 처리", "recovered", true, "treatmentCostAdded", -10000L))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("treatmentCostAdded");

    assertThat(care).isWaitingAtExactly(CHECK_RECOVERY);
    assertThat(driver.task(care, CHECK_RECOVERY).getId()).isEqualTo(check.getId());
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostTotal")).isEqualTo(50000L);
    assertThat(runtimeService.getVariable(care.getId(), "treatmentCostAdded")).isNull();
    assertThat(runtimeService.getVariable(care.getId(), "recovered")).isEqualTo(false);
    assertThat(runtimeService.getVariable(care.getId(), "recoveryNotes")).isNull();
  }

  private ProcessInstance startCare(String region) {
    String caseNumber = CaseDriver.registerCase(jdbc);
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

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private Object historicValue(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }
}
