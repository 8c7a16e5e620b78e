package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared filters answer from the task's own columns, list the urgent first, and a database set up earlier gets
 * this version's queries, order and cards.
 */
@ProcessTest
class TasklistFiltersTest {

  @Autowired ProcessEngine engine;
  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;
  @Autowired RepositoryService repositoryService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
  }

  @Test
  void urgentListsTheWorkOfP1CasesAndNotOfOthers() {
    ProcessInstance harm = driver.startCase(intake("HEALTH_HARM", "seoul"));
    ProcessInstance service = driver.startCase(intake("SERVICE", "busan"));
    assertThat(engine.getRuntimeService().getVariable(harm.getId(), CaseVariables.PRIORITY)).isEqualTo("P1");
    assertThat(engine.getRuntimeService().getVariable(service.getId(), CaseVariables.PRIORITY)).isNotEqualTo("P1");
    Task urgent = driver.task(harm, "UserTask_FirstContact");
    Task ordinary = driver.task(service, "UserTask_FirstContact");

    List<String> listed = listedFor("cs-agent1", "cs-agent", TasklistFilters.URGENT);

    assertThat(listed).contains(urgent.getId()).doesNotContain(ordinary.getId());
  }

  /**
   * Tasklist asks for every list sorted by creation, newest first, unless the user picked another sort; the filter's
   * own order comes before it: priority, then the earliest due date (tasks without one after those with one), then
   * the longest waiting.
   */
  @Test
  void theListPutsTheUrgentFirstWhateverSortTasklistAsksFor() {
    Instant base = ClockUtil.getCurrentTime().toInstant();
    Map<String, Task> tasks = new LinkedHashMap<>();
    // Created in an order of their own, so that creation alone would list them otherwise.
    List<String> created = List.of("p1NoDue", "p2NoDueOlder", "escalation", "p2Overdue", "p1Later", "p2NoDueNewer", "p1Soonest");
    try {
      for (int i = 0; i < created.size(); i++) {
        ClockUtil.setCurrentTime(Date.from(base.minus(Duration.ofHours(created.size() - i))));
        tasks.put(created.get(i), driver.task(driver.startCase(intake("SERVICE", "seoul")), "UserTask_FirstContact"));
      }
    } finally {
      ClockUtil.reset();
    }
    arrange(tasks.get("escalation"), 90, base.plus(Duration.ofDays(3)));
    arrange(tasks.get("p1Soonest"), TaskPriorityFromCase.URGENT, base.plus(Duration.ofHours(1)));
    arrange(tasks.get("p1Later"), TaskPriorityFromCase.URGENT, base.plus(Duration.ofDays(2)));
    arrange(tasks.get("p1NoDue"), TaskPriorityFromCase.URGENT, null);
    arrange(tasks.get("p2Overdue"), 60, base.minus(Duration.ofDays(1)));
    arrange(tasks.get("p2NoDueOlder"), 60, null);
    arrange(tasks.get("p2NoDueNewer"), 60, null);

    Filter myGroup = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();
    TaskQuery asTasklistAsks = engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(tasks.values().stream().map(Task::getProcessInstanceId).toArray(String[]::new))
        .orderByTaskCreateTime().desc();
    engine.getIdentityService().setAuthentication("cs-agent1", List.of("cs-agent"));
    List<Task> listed;
    try {
      listed = filterService.list(myGroup.getId(), asTasklistAsks);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    Map<String, String> names = new HashMap<>();
    tasks.forEach((name, task) -> names.put(task.getId(), name));
    assertThat(listed.stream().map(task -> names.get(task.getId())).toList()).containsExactly(
        "escalation", "p1Soonest", "p1Later", "p1NoDue", "p2Overdue", "p2NoDueOlder", "p2NoDueNewer");
  }

  private void arrange(Task task, int priority, Instant due) {
    engine.getTaskService().setPriority(task.getId(), priority);
    Task changed = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    changed.setDueDate(due == null ? null : Date.from(due));
    engine.getTaskService().saveTask(changed);
  }

  @Test
  void everyFilterHasTheUrgentFirstOrder() {
    List<String> expected = order(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery()));
    assertThat(expected).hasSize(3);
    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.URGENT,
        TasklistFilters.OVERDUE, TasklistFilters.CARE_VISITS, TasklistFilters.ANALYSES, TasklistFilters.APPROVALS,
        TasklistFilters.PREVENTION, TasklistFilters.PUBLIC_RISK)) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(order(filter.getQuery())).as(name).isEqualTo(expected);
      assertThat(filter.getProperties().get("variables")).as(name).isEqualTo(TasklistFilters.cardVariables());
    }
  }

  private static List<String> order(TaskQuery query) {
    return ((TaskQueryImpl) query).getOrderingProperties().stream()
        .map(p -> p.getQueryProperty().getName() + " " + p.getDirection().getName()).toList();
  }

  /**
   * A filter of an earlier version (no order, the old card with the category's code), or one an administrator saved
   * in Tasklist's filter dialog (which drops a query's order), gets the order and the card at start-up; its looks stay.
   */
  @Test
  void atStartUpAFilterWithoutTheOrderOrWithTheEarlierCardGetsThemAndKeepsItsLooks() {
    Filter myGroup = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();
    Filter care = filterService.createFilterQuery().filterName(TasklistFilters.CARE_VISITS).singleResult();
    Map<String, Object> looks = new HashMap<>(myGroup.getProperties());
    TaskQueryImpl careQuery = (TaskQueryImpl) care.getQuery();
    try {
      myGroup.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
      myGroup.getProperties().put("variables", TasklistFilters.EARLIER_CARD_VARIABLES);
      myGroup.getProperties().put("color", "#c00");
      myGroup.getProperties().put("description", "관리자가 고친 설명");
      filterService.saveFilter(myGroup);
      care.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKey("care-visit")
          .taskDefinitionKeyIn(careQuery.getKeys()));
      filterService.saveFilter(care);

      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

      Filter updated = filterService.getFilter(myGroup.getId());
      List<String> expected = order(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery()));
      assertThat(order(updated.getQuery())).isEqualTo(expected);
      assertThat(((TaskQueryImpl) updated.getQuery()).getExpressions())
          .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
      assertThat(updated.getProperties()).containsEntry("variables", TasklistFilters.cardVariables())
          .containsEntry("color", "#c00").containsEntry("description", "관리자가 고친 설명");
      Filter updatedCare = filterService.getFilter(care.getId());
      assertThat(order(updatedCare.getQuery())).isEqualTo(expected);
      assertThat(((TaskQueryImpl) updatedCare.getQuery()).getKeys()).containsExactlyInAnyOrder(careQuery.getKeys());
    } finally {
      Filter restored = filterService.getFilter(myGroup.getId());
      filterService.saveFilter(restored.setProperties(looks));
    }
  }

  /** An administrator's own card (other variables) stays; so does their query with its own order. */
  @Test
  void anAdministratorsOwnCardAndOrderStay() {
    Filter approvals = filterService.createFilterQuery().filterName(TasklistFilters.APPROVALS).singleResult();
    Map<String, Object> looks = new HashMap<>(approvals.getProperties());
    List<Map<String, String>> ownCard = List.of(Map.of("name", CaseVariables.CASE_NUMBER, "label", "사건"),
        Map.of("name", CaseVariables.OFFER_TOTAL, "label", "금액"));
    try {
      approvals.getProperties().put("variables", ownCard);
      approvals.setQuery(engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_ApproveOffer")
          .orderByTaskCreateTime().desc());
      filterService.saveFilter(approvals);
      int revision = revision(filterService.getFilter(approvals.getId()));

      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

      Filter after = filterService.getFilter(approvals.getId());
      assertThat(revision(after)).isEqualTo(revision);
      assertThat(after.getProperties().get("variables")).isEqualTo(ownCard);
      assertThat(order(after.getQuery())).hasSize(1);
    } finally {
      Filter restored = filterService.getFilter(approvals.getId());
      restored.setQuery(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery()
          .taskDefinitionKey("UserTask_ApproveOffer"))).setProperties(looks);
      filterService.saveFilter(restored);
    }
  }

  /**
   * 방문 케어, 원인 분석 and 재발 방지 조치 name their process and its user tasks' keys (so that a database without
   * a usable index discards other processes' tasks first), and list exactly the tasks the process key alone lists.
   */
  @Test
  void processFiltersListTheTasksOfTheirProcessAndNameItsUserTasks() {
    String caseNumber = CaseDriver.registerCase(jdbc);
    engine.getRuntimeService().startProcessInstanceByKey("care-visit", caseNumber, Map.of("caseNumber", caseNumber,
        "region", "seoul", "priority", "P1", "category", "HEALTH_HARM", "customerName", "김민지",
        "customerPhone", "010-2345-6789", "description", "제품 사용 후 피부 염증", "contactNotes", "방문 동의함"));
    for (Map.Entry<String, String> process : TasklistFilters.PROCESS_FILTERS.entrySet()) {
      Filter filter = filterService.createFilterQuery().filterName(process.getValue()).singleResult();
      TaskQueryImpl query = (TaskQueryImpl) filter.getQuery();
      assertThat(query.getProcessDefinitionKey()).isEqualTo(process.getKey());
      String latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process.getKey())
          .latestVersion().singleResult().getId();
      List<String> userTasks = repositoryService.getBpmnModelInstance(latest).getModelElementsByType(UserTask.class)
          .stream().map(UserTask::getId).toList();
      assertThat(userTasks).isNotEmpty();
      assertThat(query.getKeys()).as(process.getValue()).containsAll(userTasks);

      List<String> byKey = engine.getTaskService().createTaskQuery().processDefinitionKey(process.getKey()).list()
          .stream().map(Task::getId).sorted().toList();
      assertThat(filterService.<Task>list(filter.getId()).stream().map(Task::getId).sorted().toList())
          .as(process.getValue()).isEqualTo(byKey);
    }
    assertThat(filterService.count(filterService.createFilterQuery().filterName(TasklistFilters.CARE_VISITS)
        .singleResult().getId())).isPositive();
  }

  /** A process owner deploys a version with a new step: the filter lists its tasks without a restart. */
  @Test
  void aVersionDeployedLaterWithANewUserTaskIsListedByItsFilter() {
    String newStep = "UserTask_NewStepOfAProcessOwner";
    Deployment deployment = repositoryService.createDeployment().name("filters-follow-test")
        .addModelInstance("care-visit.bpmn", Bpmn.createExecutableProcess("care-visit").camundaHistoryTimeToLive(1)
            .startEvent().userTask(newStep).endEvent().done())
        .deploy();
    try {
      await().atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(taskKeys(TasklistFilters.CARE_VISITS)).contains(newStep, "UserTask_ScheduleVisit"));
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    filters.followDeployment("care-visit");
    assertThat(taskKeys(TasklistFilters.CARE_VISITS)).doesNotContain(newStep).contains("UserTask_ScheduleVisit");
  }

  /** At start-up a process filter by key alone (earlier versions) gets the task keys; one an administrator changed does not. */
  @Test
  void atStartUpAProcessFilterOfAnEarlierVersionGetsTheTaskKeysAndAnAdministratorsQueryStays() {
    Filter care = filterService.createFilterQuery().filterName(TasklistFilters.CARE_VISITS).singleResult();
    try {
      care.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKey("care-visit"));
      filterService.saveFilter(care);
      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));
      assertThat(taskKeys(TasklistFilters.CARE_VISITS)).contains("UserTask_ScheduleVisit", "UserTask_CheckRecovery");

      care = filterService.getFilter(care.getId());
      care.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKey("care-visit")
          .taskDefinitionKeyIn("UserTask_VisitCustomer").taskCandidateGroup("region-seoul"));
      filterService.saveFilter(care);
      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));
      filters.followDeployment("care-visit");
      assertThat(taskKeys(TasklistFilters.CARE_VISITS)).containsExactly("UserTask_VisitCustomer");
    } finally {
      Filter restored = filterService.getFilter(care.getId());
      restored.setQuery(engine.getTaskService().createTaskQuery().processDefinitionKey("care-visit"));
      filterService.saveFilter(restored);
      filters.followDeployment("care-visit");
    }
  }

  private List<String> taskKeys(String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    return Arrays.asList(((TaskQueryImpl) filter.getQuery()).getKeys());
  }

  @Test
  void aFilterOfAnEarlierVersionGetsThisVersionsQueryAndKeepsItsLooks() {
    Filter urgent = filterService.createFilterQuery().filterName(TasklistFilters.URGENT).singleResult();
    Map<String, Object> looks = urgent.getProperties();
    // What versions before the index-friendly filter stored: a join on every case's priority variable.
    urgent.setQuery(engine.getTaskService().createTaskQuery().processVariableValueEquals(CaseVariables.PRIORITY, "P1"));
    urgent.getProperties().put("color", "#c00");
    filterService.saveFilter(urgent);

    filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

    Filter updated = filterService.getFilter(urgent.getId());
    TaskQueryImpl query = (TaskQueryImpl) updated.getQuery();
    assertThat(query.getVariables()).isEmpty();
    assertThat(query.getMinPriority()).isEqualTo(TaskPriorityFromCase.URGENT);
    assertThat(query.getMaxPriority()).isEqualTo(TaskPriorityFromCase.URGENT_REMINDED);
    assertThat(order(query)).isEqualTo(order(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery())));
    assertThat(updated.getProperties().get("description")).asString().contains("기한 초과");
    assertThat(updated.getProperties()).containsEntry("color", "#c00").containsEntry("variables", looks.get("variables"));
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.URGENT).count()).isEqualTo(1);
  }

  /** Offers are approved before the customer hears them: the approvals filter of an earlier version follows. */
  @Test
  void theApprovalsFilterOfAnEarlierVersionListsTheApprovalOfOffers() {
    Filter approvals = filterService.createFilterQuery().filterName(TasklistFilters.APPROVALS).singleResult();
    Object query = approvals.getQuery();
    try {
      approvals.setQuery(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery()
          .taskDefinitionKey("UserTask_ApproveCompensation")));
      filterService.saveFilter(approvals);

      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

      TaskQueryImpl updated = (TaskQueryImpl) filterService.getFilter(approvals.getId()).getQuery();
      assertThat(updated.getKey()).isEqualTo("UserTask_ApproveOffer");
    } finally {
      Filter restored = filterService.getFilter(approvals.getId());
      restored.setQuery((org.camunda.bpm.engine.task.TaskQuery) query);
      filterService.saveFilter(restored);
    }
  }

  @Test
  void filtersAreNotWrittenAgainAndAFilterAnAdministratorChangedIsLeftAsItIs() {
    Filter urgent = filterService.createFilterQuery().filterName(TasklistFilters.URGENT).singleResult();
    urgent.setQuery(engine.getTaskService().createTaskQuery().taskMinPriority(70));
    filterService.saveFilter(urgent);
    Map<String, Integer> revisions = new java.util.HashMap<>();
    filterService.createFilterQuery().list().forEach(f -> revisions.put(f.getName(), revision(f)));

    try {
      filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

      filterService.createFilterQuery().list()
          .forEach(f -> assertThat(revision(f)).as(f.getName()).isEqualTo(revisions.get(f.getName())));
      assertThat(revisions).containsKeys(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.URGENT,
          TasklistFilters.OVERDUE, TasklistFilters.CARE_VISITS, TasklistFilters.ANALYSES, TasklistFilters.APPROVALS,
          TasklistFilters.PREVENTION, TasklistFilters.PUBLIC_RISK);
      assertThat(((TaskQueryImpl) filterService.getFilter(urgent.getId()).getQuery()).getMinPriority()).isEqualTo(70);
    } finally {
      Filter changed = filterService.getFilter(urgent.getId());
      changed.setQuery(TasklistFilters.urgentFirst(engine.getTaskService().createTaskQuery()
          .taskMinPriority(TaskPriorityFromCase.URGENT).taskMaxPriority(TaskPriorityFromCase.URGENT_REMINDED)));
      filterService.saveFilter(changed);
    }
  }

  /** A reminder keeps a P1 case's task in 긴급(P1) and puts no other case's task there; escalations keep theirs. */
  @Test
  void remindersAndRaisesKeepTheP1Band() {
    assertThat(TaskPriorityFromCase.isUrgent(TaskPriorityFromCase.reminded(TaskPriorityFromCase.URGENT))).isTrue();
    assertThat(TaskPriorityFromCase.reminded(TaskPriorityFromCase.URGENT)).isGreaterThan(TaskPriorityFromCase.URGENT);
    for (int casePriority : List.of(60, 50, 40)) {
      int reminded = TaskPriorityFromCase.reminded(casePriority);
      assertThat(reminded).isGreaterThan(casePriority);
      assertThat(TaskPriorityFromCase.isUrgent(reminded)).isFalse();
      assertThat(TaskPriorityFromCase.isUrgent(TaskPriorityFromCase.raisedToP1(casePriority))).isTrue();
      assertThat(TaskPriorityFromCase.raisedToP1(reminded)).isEqualTo(TaskPriorityFromCase.reminded(TaskPriorityFromCase.URGENT));
    }
    for (int escalation : List.of(85, 90, 95)) {
      assertThat(TaskPriorityFromCase.reminded(escalation)).isEqualTo(escalation);
      assertThat(TaskPriorityFromCase.raisedToP1(escalation)).isEqualTo(escalation);
    }
  }

  /** The band of a P1 case's work is the application's: a model that gave a task such a priority would list it as P1. */
  @Test
  void noModelGivesATaskAPriorityOfTheP1Band() throws java.io.IOException {
    try (var models = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
      List<String> p1Tasks = models.filter(path -> path.toString().endsWith(".bpmn"))
          .flatMap(path -> org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(path.toFile())
              .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).stream())
          .filter(task -> task.getCamundaPriority() != null && task.getCamundaPriority().matches("\\d+")
              && TaskPriorityFromCase.isUrgent(Integer.parseInt(task.getCamundaPriority())))
          .map(task -> task.getId()).toList();
      assertThat(p1Tasks).isEmpty();
    }
  }

  private static int revision(Filter filter) {
    return ((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) filter).getRevision();
  }

  private List<String> listedFor(String userId, String group, String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    engine.getIdentityService().setAuthentication(userId, List.of(group));
    try {
      List<Task> tasks = filterService.list(filter.getId());
      return tasks.stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
