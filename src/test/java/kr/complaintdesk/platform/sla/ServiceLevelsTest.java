package kr.complaintdesk.platform.sla;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevel.Unit;
import kr.complaintdesk.support.ModelTestBase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service-levels table as the models read it: the latest deployed version answers, a process owner's new
 * version applies to deadlines set after it (and withdrawing it turns them back), and a row the table lacks
 * stops the step with the table and the row named. On the models alone, with the application's
 * {@link ServiceLevels} reading that engine's table. The test deployments are deleted afterwards, because the
 * engine is shared by every model test class.
 */
class ServiceLevelsTest extends ModelTestBase {

  static final Path TABLE = Path.of("processes/service-levels.dmn");
  /** The one cell a process owner changes: the amount of EVIDENCE_REVIEW. */
  static final String EVIDENCE_REVIEW_AMOUNT =
      "(<outputEntry id=\"OutputEntry_ServiceLevels_EvidenceReview_Amount\"><text>)\\d+(</text>)";

  final RepositoryService repositoryService = processEngine.getRepositoryService();
  final List<String> deploymentsToDelete = new ArrayList<>();
  final List<String> instancesToDelete = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    instancesToDelete.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test clean-up", true, true, true, true));
    deploymentsToDelete.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aNewVersionOfTheTableAppliesToDeadlinesSetAfterItAndWithdrawingItTurnsThemBack() throws IOException {
    ServiceLevel before = serviceLevels.level("EVIDENCE_REVIEW");
    assertThat(before.source()).startsWith(ServiceLevels.DECISION_KEY + " v");
    Date monday = kst("2026-11-23T10:00");
    ClockUtil.setCurrentTime(monday);
    ProcessInstance earlier = startEvidenceReview();

    String deployment = repositoryService.createDeployment().name("service-levels: evidence review one day longer")
        .addString("service-levels.dmn", tableWithEvidenceReview(before.amount() + 1)).deploy().getId();
    deploymentsToDelete.add(deployment);

    ServiceLevel changed = serviceLevels.level("EVIDENCE_REVIEW");
    assertThat(changed.amount()).isEqualTo(before.amount() + 1);
    assertThat(changed.unit()).isEqualTo(before.unit());
    assertThat(changed.source()).isNotEqualTo(before.source());
    ProcessInstance later = startEvidenceReview();
    assertThat(driver.task(later, "UserTask_ReviewEvidence").getDueDate()).isEqualTo(changed.after(monday, businessCalendar));
    assertThat(driver.timerDueDates(later)).containsExactly(changed.after(monday, businessCalendar));
    assertThat(driver.task(earlier, "UserTask_ReviewEvidence").getDueDate())
        .as("a deadline set before the change stays").isEqualTo(before.after(monday, businessCalendar));

    repositoryService.deleteDeployment(deploymentsToDelete.remove(0), true);
    assertThat(serviceLevels.level("EVIDENCE_REVIEW")).isEqualTo(before);
  }

  @Test
  void aRowTheTableLacksStopsTheStepNamingTheTableAndTheRow() {
    assertThatThrownBy(() -> serviceLevels.due("NO_SUCH_ROW"))
        .hasMessageContaining(ServiceLevels.DECISION_KEY + " v")
        .hasMessageContaining("NO_SUCH_ROW");
  }

  @Test
  void unitsCountBusinessDaysBusinessHoursOrCalendarDays() {
    BusinessCalendar calendar = BusinessCalendar.defaults();
    Date christmasEve = kst("2026-12-24T10:00"); // Thursday; 25 December is a holiday
    assertThat(new ServiceLevel("A", 1, Unit.BUSINESS_DAYS, "test").after(christmasEve, calendar))
        .isEqualTo(kst("2026-12-28T10:00"));
    assertThat(new ServiceLevel("B", 9, Unit.BUSINESS_HOURS, "test").after(christmasEve, calendar))
        .as("8 hours until closing, the ninth on Monday").isEqualTo(kst("2026-12-28T10:00"));
    assertThat(new ServiceLevel("C", 1, Unit.CALENDAR_DAYS, "test").after(christmasEve, calendar))
        .isEqualTo(kst("2026-12-25T10:00"));
    assertThat(new ServiceLevel("D", 2, Unit.BUSINESS_DAYS, "test").text()).isEqualTo("2영업일");
  }

  private ProcessInstance startEvidenceReview() {
    String caseNumber = TestData.unique("C-SLA");
    ProcessInstance analysis = runtimeService.startProcessInstanceByKey("cause-analysis", caseNumber,
        Variables.createVariables()
            .putValue("caseNumber", caseNumber)
            .putValue("priority", "P1")
            .putValue("category", "HEALTH_HARM")
            .putValue("description", "사용 후 문제 발생")
            .putValue("needsSafetyLab", true)
            .putValue("needsQuality", false)
            .putValue("needsLogistics", false));
    instancesToDelete.add(analysis.getId());
    return analysis;
  }

  private static String tableWithEvidenceReview(int amount) throws IOException {
    String original = Files.readString(TABLE, StandardCharsets.UTF_8);
    String changed = original.replaceFirst(EVIDENCE_REVIEW_AMOUNT, "$1" + amount + "$2");
    assertThat(changed).as("%s with the EVIDENCE_REVIEW amount changed", TABLE).isNotEqualTo(original);
    return changed;
  }
}
