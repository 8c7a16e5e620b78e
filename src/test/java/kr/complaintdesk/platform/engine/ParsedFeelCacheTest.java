package kr.complaintdesk.platform.engine;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class ParsedFeelCacheTest {

  @Autowired ProcessEngine engine;

  @Test
  void decisionsRunOnTheParseOnceEngine() {
    ProcessInstance harm = new CaseDriver(engine).startCase(intake("HEALTH_HARM", "seoul"));

    assertThat(engine.getRuntimeService().getVariable(harm.getId(), CaseVariables.PRIORITY)).isEqualTo("P1");
    assertThat(feel()).isInstanceOf(ParsedFeelCache.Engine.class);
    assertThat(((ParsedFeelCache.Engine) feel()).parsed()).as("the triage's expressions were kept").isGreaterThan(10);
  }

  @Test
  void anExpressionEvaluatesAsTheEnginesOwnEveryTimeAndAFaultyOneFailsEveryTime() {
    ParsedFeelCache.Engine feel = (ParsedFeelCache.Engine) feel();
    var context = Variables.createVariables().putValue("channel", "SNS").putValue("amount", 120_000).asVariableContext();

    int before = feel.parsed();
    for (int i = 0; i < 3; i++) {
      assertThat(feel.evaluateSimpleUnaryTests("\"SNS\", \"COMMUNITY\"", "channel", context)).isTrue();
      assertThat(feel.evaluateSimpleUnaryTests("<= 100000", "amount", context)).isFalse();
      assertThat((Object) feel.evaluateSimpleExpression("list contains([\"SNS\"], channel)", context)).isEqualTo(true);
      assertThatThrownBy(() -> feel.evaluateSimpleExpression("channel ==== \"SNS\"", context)).isInstanceOf(FeelException.class);
    }
    assertThat(feel.parsed() - before).as("four texts, each parsed once").isLessThanOrEqualTo(4);
  }

  private org.camunda.bpm.dmn.feel.impl.FeelEngine feel() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return ((DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration()).getFeelEngine();
  }
}
