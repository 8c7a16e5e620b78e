package kr.complaintdesk.browser;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.Requires;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Staff work a complaint in Camunda Tasklist with its Camunda Forms, in a real (headless) Chromium: the
 * phone intake and first contact by an agent, the visit scheduling by the customer's region, and what an
 * agent must not see of the safety lab's work. Each test sets up the case state it needs; steps that are not
 * what the test is about go through the engine ({@link CaseDriver}). Results are checked in the engine.
 *
 * <p>Tests that type or read dates run on several days of the engine clock ({@link Today}), never on the
 * machine's: the application reads "now" from the engine clock, and the browser's clock follows it
 * ({@link Tasklist}). Dates are compared as dates, never as the text a browser renders for them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    // Selenium warns on every browser start that it has no DevTools bindings for this Chromium; none are used.
    "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error",
    "logging.level.org.openqa.selenium.chromium.ChromiumDriver=error"})
@ActiveProfiles("test")
@Requires(ExternalTool.CHROMIUM)
class TasklistBrowserIT {

  static final String COMPLAINT_CASE = "고객 불만 사건 처리";
  static final String FIRST_CONTACT = "고객 1차 응대";
  static final String SCHEDULE_VISIT = "방문 일정 확정";
  static final String CALLBACK = "약속한 시각에 회신 연락";
  static final String AGENCY_REPLY = "소비자기관에 회신";
  static final String REVIEW_EVIDENCE = "증거 검토";
  static final String PASSWORD = "demo";
  static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

  /**
   * Days the engine clock is set to, chosen for what the dates a test derives from them look like: one-digit
   * days and months, a month end and a year end on either side. The time is early morning in Korea, when UTC
   * still has the day before, so "today" must be Korea's.
   */
  enum Today {
    NEW_YEARS_EVE(LocalDate.of(2026, 12, 31), "year end: tomorrow 2027-01-01, in a week 2027-01-07"),
    NEW_YEARS_DAY(LocalDate.of(2027, 1, 1), "one-digit month and days ahead, yesterday 2026-12-31"),
    END_OF_FEBRUARY(LocalDate.of(2027, 2, 27), "month end: tomorrow 2027-02-28, in three days 2027-03-02");

    static final LocalTime MORNING = LocalTime.of(8, 30);

    final LocalDate date;
    private final String why;

    Today(LocalDate date, String why) {
      this.date = date;
      this.why = why;
    }

    @Override
    public String toString() {
      return date + " " + MORNING + " KST (" + why + ")";
    }
  }

  @RegisterExtension final Browsers browsers = new Browsers();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  CaseDriver cases;
  /** The cases this test started; removed afterwards so that Tasklist's lists hold only this test's tasks. */
  final List<ProcessInstance> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    cases = new CaseDriver(engine);
  }

  /**
   * Tasklist lists tasks newest first, 15 to a page, by the engine time they were created; with the clock moved
   * back and forth between tests, another test's tasks could push this test's off the first page.
   */
  @AfterEach
  void removeCasesAndResetClock() {
    try {
      runtimeService.deleteProcessInstancesIfExists(started.stream().map(ProcessInstance::getId).toList(),
          "browser test finished", true, true, false);
    } finally {
      ClockUtil.reset();
    }
  }

  @ParameterizedTest(name = "today {0}")
  @EnumSource(names = {"NEW_YEARS_EVE", "NEW_YEARS_DAY"})
  void agentTakesAPhoneComplaintAndMakesFirstContact(Today day) {
    LocalDate today = setEngineClockTo(day);
    LocalDate yesterday = today.minusDays(1);
    String customer = unique("김민지");
    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);

    CamundaForm intake = agent.openStartForm(COMPLAINT_CASE);
    assertThat(intake.selected("Field_channel")).as("default channel").isEqualTo("전화");
    intake.select("Field_category", "피부·건강 이상")
        .type("Field_customerName", customer)
        .type("Field_customerPhone", "010-1234-5678")
        .select("Field_region", "부산")
        .date("Field_occurredOn", yesterday)
        .type("Field_description", "세럼 사용 후 얼굴에 붉은 발진이 생겼습니다. 병원 진료를 받았습니다.");
    agent.submitStartForm();

    ProcessInstance complaint = track(eventually("the case of " + customer, () -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("complaint-case").variableValueEquals("customerName", customer).singleResult()));
    String caseNumber = complaint.getBusinessKey();
    assertThat(caseNumber).as("case number with the year of intake in Korea").matches("C-" + today.getYear() + "-\\d{6}");
    assertThat(runtimeService.getVariables(complaint.getId()))
        .containsEntry("caseNumber", caseNumber)
        .containsEntry("occurredOn", yesterday.toString())
        .containsEntry("channel", "PHONE")
        .containsEntry("category", "HEALTH_HARM")
        .containsEntry("customerPhone", "010-1234-5678")
        .containsEntry("region", "busan")
        .containsEntry("visitOffered", true);
    Task firstContact = cases.task(complaint, "UserTask_FirstContact");

    agent.openTask("내 그룹 작업", caseNumber, FIRST_CONTACT);
    CamundaForm form = agent.taskForm();
    assertThat(form.awaitValue("Field_caseNumber", caseNumber)).isEqualTo(caseNumber);
    assertThat(form.isEditable("Field_contactNotes")).as("unclaimed task is read-only").isFalse();

    form = agent.claim().awaitEditable("Field_contactNotes");
    assertThat(form.value("Field_caseNumber")).isEqualTo(caseNumber);
    assertThat(form.isDisabled("Field_caseNumber")).as("case number is display-only").isTrue();
    assertThat(form.value("Field_customerName")).isEqualTo(customer);
    assertThat(form.value("Field_customerPhone")).isEqualTo("010-1234-5678");
    assertThat(form.isDisabled("Field_customerPhone")).isTrue();
    assertThat(form.selected("Field_category")).isEqualTo("피부·건강 이상");
    assertThat(form.isChecked("Field_visitOffered")).as("visit offered for harm").isTrue();

    String notes = "고객과 통화. 발진 사진 확보, 피부과 진료 예정. 사과함.";
    form.type("Field_contactNotes", notes)
        .select("Field_remedySought", "배상금 (치료비·경비·일실소득)")
        .check("Field_visitConsent");
    agent.complete();

    eventually("first contact completed", () -> taskService.createTaskQuery().taskId(firstContact.getId()).count() == 0);
    assertThat(runtimeService.getVariables(complaint.getId()))
        .containsEntry("contactNotes", notes)
        .containsEntry("remedySought", "TREATMENT_COSTS")
        .containsEntry("visitConsent", true);
    ProcessInstance care = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(complaint.getId()).processDefinitionKey("care-visit").singleResult();
    assertThat(care).as("care-visit sub-process").isNotNull();
    assertThat(care.getBusinessKey()).isEqualTo(caseNumber);
    Task schedule = taskService.createTaskQuery().processInstanceId(care.getId()).taskDefinitionKey("UserTask_ScheduleVisit")
        .singleResult();
    assertThat(schedule).as("UserTask_ScheduleVisit in care-visit").isNotNull();
    assertThat(cases.candidateGroups(schedule)).containsExactly("region-busan");
  }

  /**
   * An offer of two lines made in Tasklist's form (its rows of lines) reaches the engine as its lines, and, being beyond
   * an agent's own authority, goes to a lead who sees the same lines before the customer hears of them.
   */
  @Test
  void anAgentsOfferOfTwoLinesGoesToALeadBeforeTheCustomerHearsIt() {
    ProcessInstance complaint = startCase(intake("SERVICE", "seoul").putValue("customerName", unique("오하늘")));
    String caseNumber = complaint.getBusinessKey();
    cases.complete(complaint, "UserTask_FirstContact", "cs-agent1", "contactNotes", "불친절 응대 사과", "remedySought", "REFUND");
    Task prepare = cases.task(complaint, "UserTask_PrepareOffer");

    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    agent.openTask("내 그룹 작업", caseNumber, "해결안 제시");
    CamundaForm form = agent.claim().awaitEditable("Field_offerText");
    form.type("Field_offerText", "결제를 취소해 드리고 다음 주문 쿠폰을 드립니다")
        .type("Field_remedyDeviationReason", "고객이 결제 취소를 원함")
        .select("Field_companyFault", "일부 있음")
        .select("Field_rootCause", "상담·응대 미흡")
        .select("Field_line1Remedy", "환불")
        .type("Field_line1AmountKrw", "40000")
        .type("Field_line1Description", "결제 취소")
        .select("Field_line2Remedy", "쿠폰")
        .type("Field_line2AmountKrw", "5000");
    agent.complete();

    eventually("offer prepared", () -> taskService.createTaskQuery().taskId(prepare.getId()).count() == 0);
    assertThat(String.valueOf(runtimeService.getVariable(complaint.getId(), "offerLines")))
        .contains("\"remedy\":\"REFUND\"").contains("\"amountKrw\":40000").contains("결제 취소")
        .contains("\"remedy\":\"COUPON\"").contains("\"amountKrw\":5000");
    assertThat(runtimeService.getVariable(complaint.getId(), "offerTotalKrw")).isEqualTo(45000L);
    Task approval = cases.task(complaint, "UserTask_ApproveOffer");
    assertThat(cases.candidateGroups(approval)).containsExactlyInAnyOrder("cs-lead", "cs-director");
    assertThat(cases.openTasks(complaint, "UserTask_RecordCustomerResponse")).as("not put to the customer yet").isEmpty();

    Tasklist lead = browsers.open(baseUrl()).login("cs-lead1", PASSWORD);
    lead.openTask("내 그룹 작업", caseNumber, "해결안 승인");
    CamundaForm review = lead.claim().awaitEditable("Field_approvalNote");
    assertThat(review.value("Field_offerSummary")).contains("1. 환불 40,000원 (결제 취소)").contains("2. 쿠폰 5,000원")
        .contains("합계 45,000원");
    assertThat(review.isDisabled("Field_offerSummary")).as("the lines are display-only for the approver").isTrue();
    review.check("Field_offerApproved").type("Field_approvalNote", "결제 취소 규정 범위");
    lead.complete();

    eventually("approved and put to the customer", () -> !cases.openTasks(complaint, "UserTask_RecordCustomerResponse").isEmpty());
    assertThat(String.valueOf(runtimeService.getVariable(complaint.getId(), "offerLines"))).contains("COUPON");
  }

  @ParameterizedTest(name = "today {0}")
  @EnumSource(Today.class)
  void aPromisedCallBackTimeMustLieAheadAndBecomesTheDueTimeOfTheAgentsCallBackTask(Today day) {
    LocalDate today = setEngineClockTo(day);
    ProcessInstance complaint = startCase(intake("SERVICE", "seoul").putValue("customerName", unique("한지우")));
    String caseNumber = complaint.getBusinessKey();
    Task firstContact = cases.task(complaint, "UserTask_FirstContact");

    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    agent.openTask("내 그룹 작업", caseNumber, FIRST_CONTACT);
    CamundaForm form = agent.claim().awaitEditable("Field_contactNotes");
    form.type("Field_contactNotes", "교환 가능 여부를 확인해 다시 연락하기로 함")
        .select("Field_remedySought", "교환")
        .check("Field_callbackPromised")
        .dateTime("Field_callbackPromisedAt", today.minusDays(1), LocalTime.of(10, 0));
    List<String> refusal = agent.completeRefused("약속한 회신 시각은 지금");
    assertThat(refusal).as("the listener's own message, without the engine's").noneMatch(Tasklist::showsEngineText);
    assertThat(taskService.createTaskQuery().taskId(firstContact.getId()).count()).as("first contact still open").isEqualTo(1);
    assertThat(cases.openTasks(complaint, "UserTask_KeepCallbackPromise")).isEmpty();

    LocalDate tomorrow = today.plusDays(1);
    form.dateTime("Field_callbackPromisedAt", tomorrow, LocalTime.of(14, 30));
    agent.complete();

    eventually("first contact completed", () -> taskService.createTaskQuery().taskId(firstContact.getId()).count() == 0);
    Task callback = cases.task(complaint, "UserTask_KeepCallbackPromise");
    assertThat(callback.getAssignee()).isEqualTo("cs-agent1");
    assertThat(callback.getDueDate()).isEqualTo(Date.from(tomorrow.atTime(14, 30).atZone(KOREA).toInstant()));
    agent.openTask("내 작업", caseNumber, CALLBACK);
    assertThat(agent.taskForm().awaitValue("Field_caseNumber", caseNumber)).isEqualTo(caseNumber);
  }

  @ParameterizedTest(name = "today {0}")
  @EnumSource(Today.class)
  void theLeadRepliesToAnAgencyInBetweenAndTheReplyComesBackDueOnTheAgencysNextDate(Today day) {
    LocalDate today = setEngineClockTo(day);
    LocalDate firstDue = today.plusDays(7);
    ProcessInstance complaint = startCase(intake("SERVICE", "seoul").putValue("customerName", unique("윤서진"))
        .putValue("channel", "CONSUMER_AGENCY").putValue("agencyReplyDue", firstDue.toString()));
    String caseNumber = complaint.getBusinessKey();
    Task reply = cases.task(complaint, "UserTask_ReplyToAgency");

    Tasklist lead = browsers.open(baseUrl()).login("cs-lead1", PASSWORD);
    // The next reply date disallows passed dates, which form-js judges by the browser's today.
    assertThat(lead.today()).as("today in the browser").isEqualTo(today);
    lead.openTask("내 그룹 작업", caseNumber, AGENCY_REPLY);
    CamundaForm form = lead.claim().awaitEditable("Field_agencyReplyNotes");
    assertThat(form.awaitDate("Field_agencyReplyDue", firstDue)).as("the agency's date, shown").isEqualTo(firstDue);
    LocalDate nextDue = today.plusDays(20);
    form.type("Field_agencyReplyNotes", "원인 조사 중이며 결과를 다시 회신하겠습니다")
        .check("Field_agencyReplyInterim")
        .date("Field_agencyNextReplyDue", nextDue);
    lead.complete();

    eventually("first reply done", () -> taskService.createTaskQuery().taskId(reply.getId()).count() == 0);
    Task again = cases.task(complaint, "UserTask_ReplyToAgency");
    assertThat(again.getDueDate()).isEqualTo(Date.from(nextDue.atTime(18, 0).atZone(KOREA).toInstant()));
    assertThat(runtimeService.getVariable(complaint.getId(), "agencyReplyDue")).isEqualTo(nextDue.toString());
  }

  @ParameterizedTest(name = "today {0}")
  @EnumSource(Today.class)
  void regionSchedulesTheVisit(Today day) {
    LocalDate visitDay = setEngineClockTo(day).plusDays(3);
    ProcessInstance complaint = harmCaseAfterFirstContact(unique("박서연"), true);
    String caseNumber = complaint.getBusinessKey();
    Task schedule = cases.task(complaint, "UserTask_ScheduleVisit");

    Tasklist region = browsers.open(baseUrl()).login("region-busan1", PASSWORD);
    region.openTask("방문 케어", caseNumber, SCHEDULE_VISIT);
    CamundaForm form = region.claim().awaitEditable("Field_visitAt-date");
    assertThat(form.value("Field_caseNumber")).isEqualTo(caseNumber);
    assertThat(form.isDisabled("Field_contactNotes")).isTrue();
    form.dateTime("Field_visitAt", visitDay, LocalTime.of(14, 30));
    region.complete();

    eventually("visit scheduled", () -> taskService.createTaskQuery().taskId(schedule.getId()).count() == 0);
    Task visit = cases.task(complaint, "UserTask_VisitCustomer");
    assertThat(visit.getProcessInstanceId()).isEqualTo(schedule.getProcessInstanceId());
    assertThat(cases.candidateGroups(visit)).containsExactly("region-busan");
    assertThat(runtimeService.getVariable(schedule.getProcessInstanceId(), "visitAt")).asString()
        .startsWith(visitDay + "T14:30");
    assertThat(visit.getDueDate()).isEqualTo(Date.from(visitDay.atTime(14, 30).atZone(KOREA).toInstant()));
  }

  @Test
  void claimingATaskSomeoneTookMeanwhileTellsInKoreanWhoHasIt() {
    ProcessInstance complaint = startCase(intake("SERVICE", "daegu").putValue("customerName", unique("오지호")));
    String caseNumber = complaint.getBusinessKey();
    Task firstContact = cases.task(complaint, "UserTask_FirstContact");

    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    agent.openTask("내 그룹 작업", caseNumber, FIRST_CONTACT);
    // Another member of staff takes the task while the agent still looks at it.
    taskService.claim(firstContact.getId(), "cs-lead1");

    List<String> shown = agent.claimRefused("맡고 있습니다");

    assertThat(shown).anyMatch(n -> n.contains("이 작업은 이미") && n.contains("cs-lead1"));
    assertThat(shown).noneMatch(Tasklist::showsEngineText);
    assertThat(taskService.createTaskQuery().taskId(firstContact.getId()).singleResult().getAssignee()).isEqualTo("cs-lead1");
  }

  @Test
  void agentCannotSeeTheSafetyLabTaskWhileTheLabDoes() {
    ProcessInstance complaint = harmCaseAfterFirstContact(unique("이도윤"), false);
    String caseNumber = complaint.getBusinessKey();
    Task review = cases.task(complaint, "UserTask_ReviewEvidence");
    assertThat(cases.candidateGroups(review)).containsExactly("safety-lab");

    // The agent's own open work, so that a list that is still empty is never taken for one without the lab task.
    ProcessInstance claimedByAgent = startCase(intake("HEALTH_HARM", "seoul").putValue("customerName", unique("최하은")));
    taskService.claim(cases.task(claimedByAgent, "UserTask_FirstContact").getId(), "cs-agent1");
    ProcessInstance forTheGroup = startCase(intake("HEALTH_HARM", "daegu").putValue("customerName", unique("정우진")));
    Map<String, ProcessInstance> shownIn = new LinkedHashMap<>();
    shownIn.put("내 작업", claimedByAgent);
    shownIn.put("내 그룹 작업", forTheGroup);
    shownIn.put("긴급(P1)", forTheGroup);

    Tasklist agent = browsers.open(baseUrl()).login("cs-agent1", PASSWORD);
    List<String> filters = agent.filterNames();
    assertThat(filters).contains("내 작업", "내 그룹 작업", "긴급(P1)").doesNotContain("원인 분석");
    for (String filter : filters) {
      agent.openFilter(filter);
      if (shownIn.containsKey(filter)) {
        agent.awaitTaskEntry(filter, shownIn.get(filter).getBusinessKey(), FIRST_CONTACT);
      }
      assertThat(agent.taskEntry(caseNumber, REVIEW_EVIDENCE)).as("%s in filter %s of cs-agent1: %s",
          REVIEW_EVIDENCE, filter, agent.taskEntries()).isEmpty();
    }

    agent.openTaskUrl(review.getId());
    List<String> notifications = agent.awaitNotification(review.getId());
    assertThat(notifications).anyMatch(n -> n.contains("No matching task"));
    assertThat(agent.showsTaskForm()).isFalse();
    assertThat(agent.taskHeading()).isNotEqualTo(Optional.of(REVIEW_EVIDENCE));
    Task untouched = taskService.createTaskQuery().taskId(review.getId()).singleResult();
    assertThat(untouched).isNotNull();
    assertThat(untouched.getAssignee()).isNull();

    Tasklist lab = browsers.open(baseUrl()).login("safety-lab1", PASSWORD);
    lab.openTask("원인 분석", caseNumber, REVIEW_EVIDENCE);
    assertThat(lab.taskForm().awaitValue("Field_caseNumber", caseNumber)).isEqualTo(caseNumber);
    lab.openTaskUrl(review.getId());
    assertThat(eventually("lab sees the task by its URL", () -> lab.taskHeading().orElse(null))).isEqualTo(REVIEW_EVIDENCE);
    assertThat(lab.taskForm().awaitValue("Field_caseNumber", caseNumber)).isEqualTo(caseNumber);
  }

  /** A harm case in Busan whose first contact is done (through the engine), with or without visit consent. */
  private ProcessInstance harmCaseAfterFirstContact(String customer, boolean visitConsent) {
    ProcessInstance complaint = startCase(intake("HEALTH_HARM", "busan").putValue("customerName", customer));
    cases.complete(complaint, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "얼굴 발진, 사진 확보", "remedySought", "TREATMENT_COSTS", "visitConsent", visitConsent);
    return complaint;
  }

  /**
   * Sets the engine clock, and so the application's "today" ({@link EngineClock}), to the morning of the day;
   * browsers opened afterwards follow it. Returns the day, from which the test derives every date it uses.
   */
  private static LocalDate setEngineClockTo(Today day) {
    ClockUtil.setCurrentTime(Date.from(day.date.atTime(Today.MORNING).atZone(KOREA).toInstant()));
    assertThat(EngineClock.today()).as("the application's today").isEqualTo(day.date);
    return day.date;
  }

  private ProcessInstance startCase(VariableMap variables) {
    return track(cases.startCase(variables));
  }

  private ProcessInstance track(ProcessInstance complaint) {
    started.add(complaint);
    return complaint;
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Polls the engine until {@code probe} gives a value (not null, not false). */
  private <T> T eventually(String what, Supplier<T> probe) {
    return new FluentWait<>(probe)
        .withTimeout(Duration.ofSeconds(15))
        .pollingEvery(Duration.ofMillis(200))
        .withMessage(what)
        .until(p -> {
          T value = p.get();
          return Boolean.FALSE.equals(value) ? null : value;
        });
  }

  /** Customer names unique per run: the shared test database outlives a single test. */
  private static String unique(String name) {
    return name + " " + (100_000 + TestData.next());
  }
}
