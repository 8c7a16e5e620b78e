package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A filter's list as Tasklist asks for it: {@code POST /filter/{id}/list} with Tasklist's own body (its default sort,
 * the newest first) and {@code application/hal+json}, whose embedded variables are the cards. The order is the
 * filter's, and a card shows only what its reader may read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistListRequestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** What Tasklist 7.24 sends for a list when the user has not touched its sort chooser. */
  static final String TASKLIST_BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
       "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
  }

  @Test
  void tasklistsOwnRequestListsTheUrgentFirst() throws Exception {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // Started in this order, so that Tasklist's sort alone (the newest first) would list them the other way round.
    Task overdue = driver.task(driver.startCase(intake("SERVICE", "seoul")), "UserTask_FirstContact");
    Task urgentDueSoon = driver.task(driver.startCase(intake("HEALTH_HARM", "seoul")), "UserTask_FirstContact");
    Task urgentWithoutDue = driver.task(driver.startCase(intake("INJURY", "seoul")), "UserTask_FirstContact");
    due(overdue, now.minus(Duration.ofDays(1)));
    due(urgentDueSoon, now.plus(Duration.ofHours(1)));
    due(urgentWithoutDue, null);
    // Two tasks of P1 cases, and an overdue one of a lesser case.
    assertThat(List.of(urgentDueSoon.getPriority(), urgentWithoutDue.getPriority())).containsOnly(TaskPriorityFromCase.URGENT);
    assertThat(overdue.getPriority()).isLessThan(TaskPriorityFromCase.REMINDED);

    List<String> listed = new ArrayList<>();
    for (JsonNode task : list("cs-agent1", TasklistFilters.MY_GROUP_TASKS).at("/_embedded/task")) {
      listed.add(task.get("id").asText());
    }

    assertThat(listed.stream().filter(List.of(overdue.getId(), urgentDueSoon.getId(), urgentWithoutDue.getId())::contains))
        .containsExactly(urgentDueSoon.getId(), urgentWithoutDue.getId(), overdue.getId());
  }

  @Test
  void cardsShowCaseCustomerCategoryAndPriorityAsFarAsTheReaderMayReadThem() throws Exception {
    ProcessInstance harm = driver.startCase(intake("HEALTH_HARM", "busan").putValue("customerName", "김민지"));
    Task firstContact = driver.task(harm, "UserTask_FirstContact");

    assertThat(card("cs-agent1", TasklistFilters.MY_GROUP_TASKS, firstContact)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "caseNumber", harm.getBusinessKey(), "customerName", "김민지", "categoryName", "피부·건강 이상", "priority", "P1"));

    // The safety lab reads the analysis, not the case around it: no customer on its card.
    driver.executeJobs(harm);
    driver.complete(harm, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", "사진 받음", "remedySought", "TREATMENT_COSTS", "visitConsent", false);
    Task evidence = driver.task(harm, "UserTask_ReviewEvidence");
    assertThat(card("safety-lab1", TasklistFilters.ANALYSES, evidence)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "caseNumber", harm.getBusinessKey(), "categoryName", "피부·건강 이상", "priority", "P1"));

    // Someone who holds only the task (an administrator gave it across groups) reads the task, not the case.
    ProcessInstance other = driver.startCase(intake("PRODUCT_DEFECT", "seoul").putValue("customerName", "이서연"));
    Task handedOver = driver.task(other, "UserTask_FirstContact");
    taskService.setAssignee(handedOver.getId(), "quality1");
    assertThat(card("quality1", TasklistFilters.MY_TASKS, handedOver))
        .containsExactlyInAnyOrderEntriesOf(Map.of("categoryName", "제품 하자"));
  }

  private void due(Task task, Instant due) {
    Task changed = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    changed.setDueDate(due == null ? null : Date.from(due));
    taskService.saveTask(changed);
  }

  /** The variables the list embeds for one task: what its card shows. */
  private Map<String, String> card(String user, String filterName, Task task) throws Exception {
    for (JsonNode listed : list(user, filterName).at("/_embedded/task")) {
      if (listed.get("id").asText().equals(task.getId())) {
        Map<String, String> card = new LinkedHashMap<>();
        listed.at("/_embedded/variable").forEach(v -> card.put(v.get("name").asText(), v.get("value").asText()));
        return card;
      }
    }
    throw new AssertionError(filterName + " does not list " + task.getTaskDefinitionKey() + " for " + user);
  }

  private JsonNode list(String user, String filterName) throws Exception {
    String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=5000", HttpMethod.POST,
        new HttpEntity<>(TASKLIST_BODY, headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }
}
