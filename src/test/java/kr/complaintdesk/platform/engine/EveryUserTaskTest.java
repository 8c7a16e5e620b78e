package kr.complaintdesk.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The listeners added to every user task are invisible in Modeler; the start-up log names each of them. */
@ProcessTest
class EveryUserTaskTest {

  @Autowired ProcessEngine engine;
  @Autowired EveryUserTask everyUserTask;

  @Test
  void theStartUpLogNamesEveryListenerAddedToEveryUserTaskInOneLine() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Logger logger = (Logger) LoggerFactory.getLogger(EveryUserTask.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      everyUserTask.postInit(configuration);
    } finally {
      logger.detachAppender(log);
    }

    assertThat(EveryUserTask.added(configuration)).hasSize(6)
        .anyMatch(added -> added.startsWith("create: TaskPriorityFromCase "))
        .anyMatch(added -> added.startsWith("create: TaskCategoryFromCase "))
        .anyMatch(added -> added.startsWith("create: CandidateGroupInstanceAccess "))
        .anyMatch(added -> added.startsWith("complete: TaskTimeline "))
        .anyMatch(added -> added.startsWith("complete: TaskHolderRule "))
        .anyMatch(added -> added.startsWith("update: TaskHolderRule "));
    assertThat(log.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getFormattedMessage()).startsWith("Every user task of every model gets 6 task listeners")
          .contains(EveryUserTask.added(configuration));
    });
  }
}
