package kr.complaintdesk.platform.engine;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Decision tables are evaluated with the engine's own FEEL engine (feel-scala, as Camunda Modeler writes them),
 * except that each expression's text is parsed once rather than at every evaluation: Camunda's FEEL engine
 * parses every input entry and output entry each time a decision runs, which was 22 % of the CPU an intake
 * spent (docs/performance.md). The cache is keyed by the expression's text, so a new version a process owner
 * deploys is parsed at its first evaluation, and what an evaluation returns is what the engine's own
 * would return: parsing is a pure function of the text.
 */
@Component
class ParsedFeelCache extends AbstractProcessEnginePlugin {

  /** More distinct expression texts than all deployed decision versions hold: then start over. */
  static final int MAX_EXPRESSIONS = 20_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the engine's legacy FEEL (JUEL-based) caches its own expressions
    }
    FeelEngineFactory factory = () -> new Engine(configuration.getDmnFeelCustomFunctionProviders() == null
        ? List.of() : configuration.getDmnFeelCustomFunctionProviders());
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.feelEngineFactory(factory);
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Camunda's FEEL engine for decisions, built on the parse-once engine below. */
  static final class Engine extends ScalaFeelEngine {
    Engine(List<FeelCustomFunctionProvider> functions) {
      super(functions);
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
        ValueMapper.CompositeValueMapper valueMapper) {
      return new ParseOnce(functions, valueMapper);
    }

    /** How many expression texts this engine has parsed and kept. */
    int parsed() {
      return feelEngine instanceof ParseOnce once ? once.expressions.size() + once.unaryTests.size() : 0;
    }
  }

  /**
   * feel-scala's engine with the same settings as Camunda builds it (its functions and value mappers, no
   * external functions, the system clock); its evaluations parse through {@link #parseExpression} and
   * {@link #parseUnaryTests}, which keep what parsed.
   */
  static final class ParseOnce extends org.camunda.feel.FeelEngine {
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    ParseOnce(CustomFunctionTransformer functions, ValueMapper valueMapper) {
      super(functions, valueMapper, new org.camunda.feel.FeelEngine.Configuration(false),
          FeelEngineClock.SystemClock$.MODULE$);
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
      return cached(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
      return cached(unaryTests, expression, super::parseUnaryTests);
    }

    private static Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> cached(
        Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> cache, String text,
        java.util.function.Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parsed = cache.get(text);
      if (parsed == null) {
        parsed = parse.apply(text);
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, parsed);
      }
      return parsed;
    }
  }
}
