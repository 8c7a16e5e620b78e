package kr.complaintdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A background step made from an element template cannot carry a retry cycle of its own (Camunda 7 templates
 * cannot set one): it gets the engine's default, which is the models' own cycle.
 */
@ProcessTest
class JobRetryDefaultTest {

  @Autowired ProcessEngineConfigurationImpl configuration;

  @Test
  void jobsWithoutARetryCycleOfTheirOwnAreRetriedFiveTimesTenMinutesApart() {
    assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo("R5/PT10M");
  }
}
