package kr.complaintdesk.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every process test class needs: the engine's services, the database and a {@link CaseDriver}. */
@ProcessTest
public abstract class ProcessTestBase {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  protected CaseDriver driver;

  @BeforeEach
  void setUpEngine() {
    init(processEngine);
    driver = new CaseDriver(processEngine);
  }
}
