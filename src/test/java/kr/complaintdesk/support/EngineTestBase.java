package kr.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * What a process test needs, whichever engine it runs on ({@link ModelTestBase}: the models alone,
 * {@link ProcessTestBase}: the whole application): the engine's services, a {@link CaseDriver} and the deadlines
 * of the deployed service-levels table, so a test moves the clock past a timer without repeating its number.
 */
public abstract class EngineTestBase {

  protected ProcessEngine processEngine;
  protected RuntimeService runtimeService;
  protected TaskService taskService;
  protected HistoryService historyService;
  protected ServiceLevels serviceLevels;
  protected BusinessCalendar businessCalendar;
  protected CaseDriver driver;

  protected void use(ProcessEngine engine, ServiceLevels levels, BusinessCalendar calendar) {
    processEngine = engine;
    runtimeService = engine.getRuntimeService();
    taskService = engine.getTaskService();
    historyService = engine.getHistoryService();
    serviceLevels = levels;
    businessCalendar = calendar;
    driver = new CaseDriver(engine);
  }

  /** When the row {@code sla} of the service-levels table runs out for something that started at {@code start}. */
  protected Date slaDue(String sla, Date start) {
    return serviceLevels.level(sla).after(start, businessCalendar);
  }

  /**
   * The escalation an overdue timer starts: a minute before {@code due} there is no {@code escalationTask} yet, a minute
   * after there is one, due at once, while {@code watchedTask} stays the same open task. Moves the engine clock.
   */
  protected Task escalatedAfter(ProcessInstance instance, Date due, String watchedTask, String escalationTask) {
    String watched = driver.task(instance, watchedTask).getId();
    ClockUtil.setCurrentTime(minutesFrom(due, -1));
    driver.executeJobs(instance);
    assertThat(driver.openTasks(instance, escalationTask)).as("%s before the deadline", escalationTask).isEmpty();

    Date late = minutesFrom(due, 1);
    ClockUtil.setCurrentTime(late);
    driver.executeJobs(instance);
    Task escalation = driver.task(instance, escalationTask);
    assertThat(escalation.getDueDate()).as("%s is due at once", escalationTask).isEqualTo(late);
    assertThat(driver.task(instance, watchedTask).getId()).as("%s stays open with its holder", watchedTask)
        .isEqualTo(watched);
    return escalation;
  }

  /** {@code time} moved by {@code minutes} (negative: earlier), to stand just before or after a deadline. */
  protected static Date minutesFrom(Date time, long minutes) {
    return Date.from(time.toInstant().plus(Duration.ofMinutes(minutes)));
  }
}
