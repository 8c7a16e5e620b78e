package kr.complaintdesk.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process test on the whole application ({@link ProcessTest}): for what needs more than the models, such as
 * the application's own tables ({@link #jdbc}), its engine plugins, security or HTTP.
 */
@ProcessTest
public abstract class ProcessTestBase extends EngineTestBase {

  @Autowired protected JdbcTemplate jdbc;

  @Autowired
  void useApplicationEngine(ProcessEngine engine, ServiceLevels levels, BusinessCalendar calendar) {
    use(engine, levels, calendar);
  }

  @BeforeEach
  void setUpEngine() {
    init(processEngine);
  }
}
