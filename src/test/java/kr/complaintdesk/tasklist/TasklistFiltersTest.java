package kr.complaintdesk.tasklist;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.complaintdesk.process.CaseVariables;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared filters answer from the task's own columns, and a database set up earlier gets this version's queries. */
@ProcessTest
class TasklistFiltersTest {

  @Autowired ProcessEngine engine;
  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;
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
    assertThat(updated.getProperties()).containsEntry("color", "#c00").containsEntry("variables", looks.get("variables"));
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.URGENT).count()).isEqualTo(1);
  }

  @Test
  void anUnchangedFilterIsNotWrittenAgain() {
    Filter before = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();

    filters.setUp(List.of("seoul", "busan", "daegu", "gwangju", "daejeon"));

    Filter after = filterService.getFilter(before.getId());
    assertThat(((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) after).getRevision())
        .isEqualTo(((org.camunda.bpm.engine.impl.persistence.entity.FilterEntity) before).getRevision());
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
