package kr.complaintdesk.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.Date;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every process test class needs: the engine's services, the database, a {@link CaseDriver} and the
 * deadlines of the deployed service-levels table, so a test moves the clock past a timer without repeating
 * its number.
 */
@ProcessTest
public abstract class ProcessTestBase {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected ServiceLevels serviceLevels;
  @Autowired protected BusinessCalendar businessCalendar;
  protected CaseDriver driver;

  @BeforeEach
  void setUpEngine() {
    init(processEngine);
    driver = new CaseDriver(processEngine);
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
