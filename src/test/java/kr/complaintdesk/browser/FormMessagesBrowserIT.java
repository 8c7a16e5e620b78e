package kr.complaintdesk.browser;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.Requires;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What form-js itself writes in a Camunda Form, in Korean: its validation messages, the empty select and the
 * date picker. form-js 1.8.7 (Tasklist 7.24) has them as fixed English texts; Tasklist's custom script
 * {@code scripts/complaint-desk-forms-ko.js} translates them. Dates are never read here, only words.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    // Selenium warns on every browser start that it has no DevTools bindings for this Chromium; none are used.
    "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
    "logging.level.org.openqa.selenium.chromium.ChromiumDriver=error"})
@ActiveProfiles("test")
@Requires(ExternalTool.CHROMIUM)
class FormMessagesBrowserIT {

  static final String COMPLAINT_CASE = "고객 불만 사건 처리";
  static final String FIRST_CONTACT = "고객 1차 응대";
  static final String PASSWORD = "demo";
  static final String REQUIRED = "필수 입력 항목입니다.";

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  final List<ProcessInstance> started = new ArrayList<>();

  @AfterEach
  void removeCases() {
    runtimeService.deleteProcessInstancesIfExists(started.stream().map(ProcessInstance::getId).toList(),
        "browser test finished", true, true, false);
  }

  @Test
  void aFirstContactCompletedEmptyIsRefusedInKorean() {
    CaseDriver cases = new CaseDriver(engine);
    ProcessInstance complaint = cases.startCase(intake("SERVICE", "seoul"));
    started.add(complaint);
    String caseNumber = complaint.getBusinessKey();

    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    agent.openTask("내 그룹 작업", caseNumber, FIRST_CONTACT);
    CamundaForm form = agent.claim().awaitEditable("Field_contactNotes");
    assertThat(form.selected("Field_remedySought")).as("an empty select").isEqualTo("선택하세요");

    List<String> refusal = agent.completeInvalid();

    assertThat(refusal).containsOnly(REQUIRED);
    assertThat(form.awaitError("Field_contactNotes")).isEqualTo(REQUIRED);
    assertThat(form.awaitError("Field_remedySought")).isEqualTo(REQUIRED);
    assertThat(cases.openTasks(complaint, "UserTask_FirstContact")).as("first contact still open").hasSize(1);
  }

  @Test
  void theIntakeFormSaysInKoreanWhatIsWrongWithAValue() {
    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    CamundaForm intake = agent.openStartForm(COMPLAINT_CASE);

    intake.type("Field_customerName", "가".repeat(51));
    assertThat(intake.awaitError("Field_customerName")).isEqualTo("최대 50자까지 입력할 수 있습니다.");
    // The pattern itself is a regular expression: the message does not show it.
    intake.type("Field_customerPhone", "12345");
    assertThat(intake.awaitError("Field_customerPhone")).isEqualTo("형식이 올바르지 않습니다.");
    intake.type("Field_orderValue", "-1");
    assertThat(intake.awaitError("Field_orderValue")).isEqualTo("0 이상이어야 합니다.");
    intake.type("Field_orderValue", "100000001");
    assertThat(intake.awaitError("Field_orderValue")).isEqualTo("100000000 이하여야 합니다.");
    assertThat(intake.selected("Field_remedySought")).as("an empty select").isEqualTo("선택하세요");
  }

  @Test
  void theDatePickerNamesMonthsAndWeekdaysInKorean() {
    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    CamundaForm intake = agent.openStartForm(COMPLAINT_CASE);

    WebElement calendar = intake.openCalendar("Field_occurredOn");

    assertThat(texts(calendar, ".flatpickr-weekday")).containsExactly("일", "월", "화", "수", "목", "금", "토");
    assertThat(texts(calendar, ".flatpickr-monthDropdown-month")).isNotEmpty().allMatch(month -> month.matches("\\d{1,2}월"));
    assertThat(calendar.findElements(By.cssSelector(".flatpickr-day")))
        .as("days as a screen reader reads them").isNotEmpty()
        .allMatch(day -> day.getDomAttribute("aria-label").matches("\\d{4}년 \\d{1,2}월 \\d{1,2}일"));
  }

  private static List<String> texts(WebElement within, String css) {
    return within.findElements(By.cssSelector(css)).stream()
        .map(element -> element.getDomProperty("textContent").trim())
        .toList();
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
