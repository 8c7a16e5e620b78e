package kr.complaintdesk.firstcontact;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.ProcessTestBase;
import kr.complaintdesk.platform.tasklist.TaskPriorityFromCase;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import kr.complaintdesk.notification.CustomerMessenger;
import kr.complaintdesk.notification.StaffNotifications;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Promises and deadlines set by people outside the SLA table: the call-back time an agent promises the
 * customer, and the reply date a consumer agency sets. Each is moved past with the engine clock.
 */
class PromisesAndDeadlinesTest extends ProcessTestBase {

  static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

  @Autowired StaffNotifications staffNotifications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ promised call-back

  @Test
  void aCallBackMadeBeforeThePromisedTimeNeedsNoReminderAndNoLead() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = firstContactWithPromise("2026-11-23T18:00");

    Task callback = driver.task(pi, "UserTask_KeepCallbackPromise");
    assertThat(callback).isAssignedTo("cs-agent1");
    assertThat(driver.candidateGroups(callback)).containsExactly("cs-agent");
    assertThat(callback.getDueDate()).isEqualTo(korea(2026, 11, 23, 18, 0));
    assertThat(timerDue(pi, "BoundaryEvent_CallbackReminder")).isEqualTo(korea(2026, 11, 23, 17, 30));
    assertThat(timerDue(pi, "BoundaryEvent_CallbackMissed")).isEqualTo(korea(2026, 11, 23, 18, 0));
    assertThat(timeline(pi)).anyMatch(summary -> summary.equals("회신 약속: 2026-11-23 18:00까지 고객에게 연락"));

    at(2026, 11, 23, 16, 0);
    taskService.complete(callback.getId(), Map.of("callbackNotes", "교환 일정 안내"));
    at(2026, 11, 24, 9, 0);
    driver.executeJobs(pi);

    assertThat(pi).hasPassed("UserTask_KeepCallbackPromise")
        .hasNotPassed("ServiceTask_RemindCallback", "UserTask_HandleMissedCallback");
    assertThat(driver.openTasks(pi, "UserTask_HandleMissedCallback")).isEmpty();
    assertThat(staffNotices(pi)).isEmpty();
  }

  @Test
  void aPromiseAboutToSlipRemindsTheAgentHalfAnHourBeforeAndAMissedOneGoesToTheLead() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = firstContactWithPromise("2026-11-23T18:00");
    Task callback = driver.task(pi, "UserTask_KeepCallbackPromise");
    int priorityBefore = callback.getPriority();

    at(2026, 11, 23, 17, 29);
    driver.executeJobs(pi);
    assertThat(pi).hasNotPassed("ServiceTask_RemindCallback");

    at(2026, 11, 23, 17, 31);
    driver.executeJobs(pi);
    assertThat(pi).hasPassed("ServiceTask_RemindCallback");
    assertThat(driver.task(pi, "UserTask_KeepCallbackPromise").getPriority())
        .isEqualTo(TaskPriorityFromCase.reminded(priorityBefore)).isGreaterThan(priorityBefore);
    assertThat(staffNotices(pi)).containsExactly("cs-agent1@demo.invalid");
    assertThat(timeline(pi)).contains("담당자 알림 기록 (cs-agent1): 고객에게 약속한 회신 시각이 다가옵니다 (2026-11-23 18:00까지)");
    assertThat(driver.openTasks(pi, "UserTask_HandleMissedCallback")).isEmpty();

    at(2026, 11, 23, 18, 1);
    driver.executeJobs(pi);
    Task lead = driver.task(pi, "UserTask_HandleMissedCallback");
    assertThat(lead).hasCandidateGroup("cs-lead");
    assertThat(lead.getPriority()).isEqualTo(90);
    assertThat(driver.openTasks(pi, "UserTask_KeepCallbackPromise")).as("the agent still owes the call").hasSize(1);

    driver.complete(pi, "UserTask_HandleMissedCallback", "cs-lead1", "missedCallbackAction", "팀장이 직접 통화");
    driver.complete(pi, "UserTask_KeepCallbackPromise", "cs-agent1", "callbackNotes", "늦어진 점 사과");
    assertThat(pi).isWaitingAt("UserTask_PrepareOffer");
  }

  @Test
  void aPromisedTimeThatIsMissingPastTooFarOrNotATimeIsRefusedAndNothingChanges() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));
    Task contact = driver.task(pi, "UserTask_FirstContact");
    taskService.claim(contact.getId(), "cs-agent1");

    assertThatThrownBy(() -> completeContact(contact, null))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("약속한 회신 시각: 회신을 약속했으면 약속한 날짜와 시각을 입력하세요");
    assertThatThrownBy(() -> completeContact(contact, "2026-11-23T09:30"))
        .hasMessageContaining("약속한 회신 시각: 약속한 회신 시각은 지금(2026-11-23 10:00)보다 뒤여야 합니다");
    assertThatThrownBy(() -> completeContact(contact, "2026-12-24T10:00"))
        .hasMessageContaining("약속한 회신 시각: 회신 약속은 30일 안의 시각이어야 합니다");
    assertThatThrownBy(() -> completeContact(contact, "오늘 저녁"))
        .hasMessageContaining("약속한 회신 시각: 날짜와 시각이 아닙니다");

    assertThat(driver.openTasks(pi, "UserTask_FirstContact")).hasSize(1);
    assertThat(pi).hasNotPassed("UserTask_FirstContact");
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("callbackDue", "caseOwner", "contactNotes");
    assertThat(timeline(pi)).noneMatch(summary -> summary.startsWith("회신 약속"));
  }

  // ------------------------------------------------------------------ consumer agency reply date

  @Test
  void anAgencyReplyDateIsRemindedTwoBusinessDaysBeforeAcrossAHolidayAndGoesToTheDirectorWhenMissed() {
    // Reply due Monday 28 December: with Friday 25 (성탄절) and the weekend off, one business day before is
    // Thursday 24 and two business days before is Wednesday 23.
    at(2026, 12, 21, 10, 0);
    ProcessInstance pi = agencyCase("2026-12-28");
    Task reply = driver.task(pi, "UserTask_ReplyToAgency");
    assertThat(reply).hasCandidateGroup("cs-lead");
    assertThat(reply.getDueDate()).isEqualTo(korea(2026, 12, 28, 18, 0));
    assertThat(timerDue(pi, "BoundaryEvent_AgencyReplyReminder")).isEqualTo(korea(2026, 12, 23, 9, 0));
    taskService.claim(reply.getId(), "cs-lead1");
    int priorityBefore = reply.getPriority();

    at(2026, 12, 23, 8, 59);
    driver.executeJobs(pi);
    assertThat(staffNotices(pi)).isEmpty();
    at(2026, 12, 23, 9, 1);
    driver.executeJobs(pi);
    assertThat(staffNotices(pi)).containsExactly("cs-lead1@demo.invalid");
    assertThat(driver.task(pi, "UserTask_ReplyToAgency").getPriority())
        .isEqualTo(TaskPriorityFromCase.reminded(priorityBefore)).isGreaterThan(priorityBefore);

    at(2026, 12, 28, 17, 59);
    driver.executeJobs(pi);
    assertThat(driver.openTasks(pi, "UserTask_HandleOverdueAgencyReply")).isEmpty();
    at(2026, 12, 28, 18, 1);
    driver.executeJobs(pi);
    Task director = driver.task(pi, "UserTask_HandleOverdueAgencyReply");
    assertThat(director).hasCandidateGroup("cs-director");
    assertThat(director.getPriority()).isEqualTo(95);
    assertThat(driver.openTasks(pi, "UserTask_ReplyToAgency")).hasSize(1);
  }

  @Test
  void anAgencyReplySentInTimeEndsItsTimersAndACaseWithoutAReplyDateHasNone() {
    at(2026, 12, 21, 10, 0);
    ProcessInstance agency = agencyCase("2026-12-28");
    driver.complete(agency, "UserTask_ReplyToAgency", "cs-lead1", "agencyReplyNotes", "처리 결과 회신");
    at(2026, 12, 29, 10, 0);
    driver.executeJobs(agency);

    assertThat(agency).hasPassed("UserTask_ReplyToAgency").hasNotPassed("ServiceTask_RemindAgencyReply",
        "UserTask_HandleOverdueAgencyReply");
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(agency.getId()).timers().list())
        .extracting(job -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getActivityId())
        .doesNotContain("BoundaryEvent_AgencyReplyReminder", "BoundaryEvent_AgencyReplyOverdue");

    ProcessInstance phone = driver.startCase(intake("SERVICE", "seoul"));
    driver.executeJobs(phone);
    assertThat(phone).hasPassed("Gateway_AgencyReplyDue").hasNotPassed("UserTask_ReplyToAgency");
  }

  @Test
  void anUnclaimedAgencyReplyRemindsEveryLeadAndAnInterimReplyStartsAnotherRoundWithTheAgencysNextDate() {
    at(2026, 12, 21, 10, 0);
    ProcessInstance pi = agencyCase("2026-12-28");
    at(2026, 12, 23, 9, 1);
    driver.executeJobs(pi);
    List<String> leads = processEngine.getIdentityService().createUserQuery().memberOfGroup("cs-lead").list().stream()
        .map(user -> user.getEmail()).toList();
    assertThat(staffNotices(pi)).contains("cs-lead1@demo.invalid").containsExactlyInAnyOrderElementsOf(leads);

    Task first = driver.task(pi, "UserTask_ReplyToAgency");
    taskService.claim(first.getId(), "cs-lead1");
    assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of("agencyReplyNotes", "조사 중", "agencyReplyInterim", true)))
        .hasMessageContaining("다음 회신 기한: 중간 회신이면 기관이 정한 다음 회신 기한을 입력하세요");
    assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of("agencyReplyNotes", "조사 중", "agencyReplyInterim", true,
        "agencyNextReplyDue", "2026-12-01"))).hasMessageContaining("다음 회신 기한: 이미 지난 날짜입니다");
    taskService.complete(first.getId(), Map.of("agencyReplyNotes", "원인 조사 중, 1월 8일까지 결과 회신", "agencyReplyInterim", true,
        "agencyNextReplyDue", "2027-01-08"));

    Task second = driver.task(pi, "UserTask_ReplyToAgency");
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second.getDueDate()).isEqualTo(korea(2027, 1, 8, 18, 0));
    assertThat(timerDue(pi, "BoundaryEvent_AgencyReplyReminder")).isEqualTo(korea(2027, 1, 6, 9, 0));
    assertThat(taskService.getVariable(second.getId(), "agencyReplyInterim")).isNull();
    assertThat(timeline(pi)).contains("소비자기관에 중간 회신, 다음 회신 기한 2027-01-08");
    at(2026, 12, 28, 18, 1);
    driver.executeJobs(pi);
    assertThat(driver.openTasks(pi, "UserTask_HandleOverdueAgencyReply")).as("the first date no longer counts").isEmpty();

    driver.complete(pi, "UserTask_ReplyToAgency", "cs-lead1", "agencyReplyNotes", "교환과 사과로 합의함");
    assertThat(pi).hasPassed("Gateway_AgencyReplyMerged");
    assertThat(timeline(pi)).contains("소비자기관에 최종 회신");
  }

  @Test
  void anAgencyReplyDateIsRequiredForAgencyCasesOnlyAndMustLieWithinNinetyDays() {
    at(2026, 12, 21, 10, 0);
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case").count();

    assertThatThrownBy(() -> driver.startCase(intake("SERVICE", "seoul").putValue("channel", "CONSUMER_AGENCY")))
        .hasMessageContaining("회신 기한: 소비자기관 이관 사건에는 기관이 정한 회신 기한이 필요합니다");
    assertThatThrownBy(() -> driver.startCase(intake("SERVICE", "seoul").putValue("channel", "WEB")
        .putValue("agencyReplyDue", "2026-12-28")))
        .hasMessageContaining("회신 기한: 소비자기관 이관(CONSUMER_AGENCY) 사건에만 입력합니다");
    assertThatThrownBy(() -> agencyCase("2026-09-01")).hasMessageContaining("회신 기한: 90일 넘게 지난 날짜입니다");
    assertThatThrownBy(() -> agencyCase("2027-06-30")).hasMessageContaining("회신 기한: 오늘부터 90일 안의 날짜여야 합니다");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case").count()).isEqualTo(before);
  }

  @Test
  void aTransferArrivingAfterTheAgencysDateIsRegisteredAndGoesToTheDirectorAtOnce() {
    at(2026, 12, 21, 10, 0);
    ProcessInstance pi = agencyCase("2026-12-18");

    driver.executeJobs(pi);

    assertThat(driver.task(pi, "UserTask_HandleOverdueAgencyReply")).hasCandidateGroup("cs-director");
    assertThat(driver.openTasks(pi, "UserTask_ReplyToAgency")).hasSize(1);
  }

  @Test
  void aRefusedAddressNeitherRepeatsNorUndoesTheNoticesOfTheOtherLeads() {
    org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
    org.camunda.bpm.engine.identity.User second = identity.newUser("cs-lead-probe");
    second.setEmail("cs-lead-probe@demo.invalid");
    identity.saveUser(second);
    identity.createMembership("cs-lead-probe", "cs-lead");
    CustomerMessenger real = (CustomerMessenger) ReflectionTestUtils.getField(staffNotifications, "messenger");
    List<String> attempts = new java.util.ArrayList<>();
    boolean[] refusing = {true};
    ReflectionTestUtils.setField(staffNotifications, "messenger", (CustomerMessenger) message -> {
      attempts.add(message.recipient());
      if (refusing[0] && "cs-lead1@demo.invalid".equals(message.recipient())) {
        throw new IllegalStateException("mailbox full");
      }
      return real.send(message);
    });
    try {
      at(2026, 12, 21, 10, 0);
      ProcessInstance pi = agencyCase("2026-12-28");
      driver.executeJobs(pi);
      at(2026, 12, 23, 9, 1);
      var jobs = processEngine.getManagementService();
      jobs.executeJob(jobs.createJobQuery().processInstanceId(pi.getId()).activityId("BoundaryEvent_AgencyReplyReminder")
          .singleResult().getId());
      String notice = jobs.createJobQuery().processInstanceId(pi.getId()).activityId("ServiceTask_RemindAgencyReply")
          .singleResult().getId();

      assertThatThrownBy(() -> jobs.executeJob(notice)).hasMessageContaining("not delivered to [cs-lead1]");
      assertThat(staffNotices(pi)).contains("cs-lead-probe@demo.invalid").doesNotContain("cs-lead1@demo.invalid");
      refusing[0] = false;
      jobs.executeJob(notice);

      assertThat(staffNotices(pi)).contains("cs-lead1@demo.invalid", "cs-lead-probe@demo.invalid");
      assertThat(attempts).filteredOn("cs-lead-probe@demo.invalid"::equals).as("told once").hasSize(1);
      assertThat(attempts).filteredOn("cs-lead1@demo.invalid"::equals).hasSize(2);
      assertThat(pi).hasPassed("ServiceTask_RemindAgencyReply");
    } finally {
      ReflectionTestUtils.setField(staffNotifications, "messenger", real);
      identity.deleteMembership("cs-lead-probe", "cs-lead");
      identity.deleteUser("cs-lead-probe");
    }
  }

  @Test
  void aReminderWhoseTaskWasDoneMeanwhileIsNotSent() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = firstContactWithPromise("2026-11-23T18:00");
    at(2026, 11, 23, 17, 31);
    String reminderTimer = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_CallbackReminder").singleResult().getId();
    processEngine.getManagementService().executeJob(reminderTimer);
    driver.complete(pi, "UserTask_KeepCallbackPromise", "cs-agent1", "callbackNotes", "약속 시각 전에 통화함");

    driver.executeJobs(pi);

    assertThat(pi).hasPassed("ServiceTask_RemindCallback");
    assertThat(staffNotices(pi)).isEmpty();
  }

  @Test
  void theLeadCanTakeOverOrHandOnACallBackTheOwnerCannotMake() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = firstContactWithPromise("2026-11-23T18:00");
    Task callback = driver.task(pi, "UserTask_KeepCallbackPromise");

    processEngine.getIdentityService().setAuthentication("cs-lead1", List.of("cs-lead"));
    try {
      assertThat(taskService.createTaskQuery().taskId(callback.getId()).count()).as("the lead sees it").isEqualTo(1);
      taskService.setAssignee(callback.getId(), "cs-lead1");
      taskService.complete(callback.getId(), Map.of("callbackNotes", "팀장이 대신 연락함"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(pi).hasPassed("UserTask_KeepCallbackPromise");
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(callback.getId()).count()).as("the lead's right ends with the task").isZero();
  }

  @Test
  void theLeadMayNotReassignWorkOfOtherGroups() {
    at(2026, 12, 21, 10, 0);
    ProcessInstance pi = agencyCase("2026-12-18");
    driver.executeJobs(pi);
    Task director = driver.task(pi, "UserTask_HandleOverdueAgencyReply");
    Task contact = driver.task(pi, "UserTask_FirstContact");

    processEngine.getIdentityService().setAuthentication("cs-lead1", List.of("cs-lead"));
    try {
      for (Task other : List.of(director, contact)) {
        assertThatThrownBy(() -> taskService.setAssignee(other.getId(), "cs-lead1"))
            .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
      }
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(driver.task(pi, "UserTask_HandleOverdueAgencyReply").getAssignee()).isNull();
  }

  @Test
  void afterAnAbuseReportTheLeadOwnsTheCaseAndTheAgentsOpenTasksOfItAreHandedOver() {
    at(2026, 11, 23, 10, 0);
    ProcessInstance pi = firstContactWithPromise("2026-11-23T18:00");
    runtimeService.createMessageCorrelation("AbuseReported").processInstanceId(pi.getId())
        .setVariable("abuseReportedBy", "cs-agent1").setVariable("abuseReport", "욕설과 위협").correlate();

    driver.complete(pi, "UserTask_ProtectStaff", "cs-lead1", "abuseWarningGiven", true, "abuseContactEnded", true,
        "abuseNotes", "팀장이 통화를 넘겨받음");

    assertThat(driver.task(pi, "UserTask_KeepCallbackPromise").getAssignee()).isEqualTo("cs-lead1");
    assertThat(runtimeService.getVariable(pi.getId(), "caseOwner")).isEqualTo("cs-lead1");
    assertThat(timeline(pi)).contains("고객 응대 인계: cs-agent1 → cs-lead1");
  }

  @Test
  void eachPromiseAndDeadlineTaskIsSeenAndWorkedByItsOwnGroupOnly() {
    at(2026, 12, 21, 10, 0);
    ProcessInstance pi = agencyCase("2026-12-28");
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "기관 이관 건 확인", "remedySought", "REFUND",
        "callbackPromised", true, "callbackPromisedAt", "2026-12-21T17:00");
    at(2026, 12, 28, 18, 1);
    driver.executeJobs(pi);

    Task reply = driver.task(pi, "UserTask_ReplyToAgency");
    Task overdueReply = driver.task(pi, "UserTask_HandleOverdueAgencyReply");
    Task callback = driver.task(pi, "UserTask_KeepCallbackPromise");
    Task missedCallback = driver.task(pi, "UserTask_HandleMissedCallback");
    assertThat(visible("cs-agent1", "cs-agent", reply, overdueReply, callback, missedCallback)).containsExactly(callback.getId());
    assertThat(visible("cs-lead1", "cs-lead", reply, overdueReply, callback, missedCallback))
        .containsExactlyInAnyOrder(reply.getId(), callback.getId(), missedCallback.getId());
    assertThat(visible("cs-director1", "cs-director", reply, overdueReply, callback, missedCallback))
        .containsExactly(overdueReply.getId());
    assertThat(visible("pr-risk1", "pr-risk", reply, overdueReply, callback, missedCallback)).isEmpty();

    processEngine.getIdentityService().setAuthentication("cs-director1", List.of("cs-director"));
    try {
      taskService.claim(overdueReply.getId(), "cs-director1");
      taskService.complete(overdueReply.getId(), Map.of("overdueAgencyReplyAction", "기관 담당자와 통화, 12월 30일 회신 약속"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    assertThat(pi).hasPassed("UserTask_HandleOverdueAgencyReply");
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance firstContactWithPromise(String promisedAt) {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul"));
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1", "contactNotes", "오늘 중 교환 일정 확인 약속",
        "remedySought", "EXCHANGE", "callbackPromised", true, "callbackPromisedAt", promisedAt);
    return pi;
  }

  private void completeContact(Task contact, String promisedAt) {
    Map<String, Object> variables = new java.util.HashMap<>(Map.of("contactNotes", "통화", "remedySought", "EXCHANGE",
        "callbackPromised", true));
    variables.put("callbackPromisedAt", promisedAt);
    taskService.complete(contact.getId(), variables);
  }

  private ProcessInstance agencyCase(String replyDue) {
    ProcessInstance pi = driver.startCase(intake("SERVICE", "seoul").putValue("channel", "CONSUMER_AGENCY")
        .putValue("externalRef", TestData.unique("KCA")).putValue("agencyReplyDue", replyDue));
    return pi;
  }

  /** The ids of {@code tasks} that {@code user} of {@code group} finds in a task query. */
  private List<String> visible(String user, String group, Task... tasks) {
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return java.util.Arrays.stream(tasks).map(Task::getId)
          .filter(id -> taskService.createTaskQuery().taskId(id).count() == 1).toList();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private Date timerDue(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .timers().singleResult().getDuedate();
  }

  private List<String> staffNotices(ProcessInstance pi) {
    return jdbc.queryForList("SELECT recipient FROM outbound_message WHERE case_number = ? AND template = 'STAFF_NOTICE' "
        + "ORDER BY created_at", String.class, pi.getBusinessKey());
  }

  private List<String> timeline(ProcessInstance pi) {
    return jdbc.queryForList("SELECT summary FROM timeline_entry WHERE case_number = ? ORDER BY id", String.class,
        pi.getBusinessKey());
  }

  private static void at(int year, int month, int day, int hour, int minute) {
    ClockUtil.setCurrentTime(korea(year, month, day, hour, minute));
  }

  private static Date korea(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, KOREA).toInstant());
  }
}
