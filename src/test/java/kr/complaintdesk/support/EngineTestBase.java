package kr.complaintdesk.support;

import java.time.Duration;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

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

  /** {@code time} moved by {@code minutes} (negative: earlier), to stand just before or after a deadline. */
  protected static Date minutesFrom(Date time, long minutes) {
    return Date.from(time.toInstant().plus(Duration.ofMinutes(minutes)));
  }
}
