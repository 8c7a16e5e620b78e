package kr.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives cases the way staff do: claim a task as a member of its group, then complete it with what
 * the form would submit. Finds tasks by process instance (and its sub-processes), never by position.
 */
public class CaseDriver {

  private final ProcessEngine engine;

  public CaseDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A valid phone intake as the Tasklist start form submits it; tests override single fields. */
  public static VariableMap intake(String category, String region) {
    return Variables.createVariables()
        .putValue("channel", "PHONE")
        .putValue("category", category)
        .putValue("customerName", "홍길동")
        .putValue("customerPhone", "010-1234-5678")
        .putValue("region", region)
        .putValue("productCode", "P-100")
        .putValue("productName", "수분 크림")
        .putValue("description", "제품 사용 후 문제가 생겼습니다")
        .putValue("externalThreat", false);
  }

  /**
   * Records a case the way intake would, for tests that start a sub-process or the case in the middle:
   * the timeline, offers and payouts of a case need its record.
   */
  public static String registerCase(JdbcTemplate jdbc) {
    String caseNumber = TestData.unique("C-T");
    String customerId = "CU-" + caseNumber;
    jdbc.update("INSERT INTO customer (id, name, contact_opt_out, created_at) VALUES (?, ?, FALSE, ?)",
        customerId, "테스트 고객", EngineClock.now());
    jdbc.update("INSERT INTO complaint_case (case_number, customer_id, channel, category, status, created_at) "
        + "VALUES (?, ?, 'PHONE', 'OTHER', 'OPEN', ?)", caseNumber, customerId, EngineClock.now());
    return caseNumber;
  }

  public ProcessInstance startCase(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey("complaint-case", variables);
  }

  /** The running instance of {@code processKey} under {@code businessKey} (a case number), or null. */
  public ProcessInstance running(String processKey, String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).singleResult();
  }

  /** The one open task with this definition key in the instance or any process it called. */
  public Task task(ProcessInstance root, String taskDefinitionKey) {
    List<Task> tasks = openTasks(root, taskDefinitionKey);
    assertThat(tasks).as("open task %s", taskDefinitionKey).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> openTasks(ProcessInstance root, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(instanceTree(root.getId()).toArray(String[]::new))
        .taskDefinitionKey(taskDefinitionKey)
        .list();
  }

  /** Claims the task as {@code userId} and completes it with {@code variables}. */
  public void complete(ProcessInstance root, String taskDefinitionKey, String userId, Object... keyValues) {
    Task task = task(root, taskDefinitionKey);
    engine.getTaskService().claim(task.getId(), userId);
    engine.getTaskService().complete(task.getId(), map(keyValues));
  }

  /** Runs every due job (async continuations) of the instance tree until none is left. */
  public void executeJobs(ProcessInstance root) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceIds(new java.util.HashSet<>(instanceTree(root.getId()))).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming for " + root.getId());
  }

  /**
   * Fires the one timer waiting at {@code activityId} in the instance tree as if its time had come,
   * leaving the engine clock and every other timer alone. For tests about what follows a wait; tests
   * about when it ends move the clock ({@code ClockUtil}) and call {@link #executeJobs}.
   */
  public void fireTimer(ProcessInstance root, String activityId) {
    // One query per instance: activityId together with processInstanceIds makes invalid SQL in Camunda 7.24.
    List<Job> timers = instanceTree(root.getId()).stream()
        .flatMap(id -> engine.getManagementService().createJobQuery()
            .processInstanceId(id).activityId(activityId).timers().list().stream())
        .toList();
    assertThat(timers).as("timer waiting at %s", activityId).hasSize(1);
    engine.getManagementService().executeJob(timers.get(0).getId());
  }

  /** The candidate groups a task is offered to. */
  public List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** The due dates of the timers waiting in this one instance, earliest first. */
  public List<java.util.Date> timerDueDates(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
  }

  /** The last value of a variable of the instance, also after it ended. */
  public Object historicValue(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    assertThat(variable).as("variable %s", name).isNotNull();
    return variable.getValue();
  }

  /** The instance and every process instance it called, however deep. */
  public List<String> instanceTree(String rootId) {
    List<String> ids = new java.util.ArrayList<>(List.of(rootId));
    for (int i = 0; i < ids.size(); i++) {
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(sub -> ids.add(sub.getId()));
    }
    return ids;
  }

  public static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
