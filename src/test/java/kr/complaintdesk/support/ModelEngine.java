package kr.complaintdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.calendar.BusinessCalendarProperties;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.engine.ModelDeployer;
import kr.complaintdesk.platform.sla.LegalDeadlines;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * One plain process engine per JVM for the model tests ({@link ModelTest}): in memory, no job executor, and the
 * models of {@code processes/} with the forms of {@code forms/} deployed by the application's own
 * {@link ModelDeployer}. Expressions find their beans in {@link Mocks} instead of Spring: before each test the
 * beans the models' deadlines need are registered as the real classes (the business calendar with the
 * application's settings, the service-levels table of this engine, the legal deadlines); each test registers
 * the beans of its steps, Mockito mocks or the real class where it needs nothing of the application.
 *
 * <p>Its name and database are its own, so the application's engine stays "the default engine" of the JVM.
 * The settings that change how a model runs are the application's ({@code application.yaml}); authorization,
 * the application's engine plugins and its tables are not here: a test that needs them is a {@link ProcessTest}.
 */
public record ModelEngine(ProcessEngine processEngine, BusinessCalendar businessCalendar, ServiceLevels serviceLevels,
    LegalDeadlines legalDeadlines) {

  public static final String NAME = "complaint-desk-models";

  private static final class Holder {
    static final ModelEngine INSTANCE = start();
  }

  public static ModelEngine get() {
    return Holder.INSTANCE;
  }

  private static ModelEngine start() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(NAME);
    configuration.setJdbcUrl("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    // As camunda.bpm.generic-properties in application.yaml.
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    configuration.setJavaSerializationFormatEnabled(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    new ModelDeployer(engine.getRepositoryService()).deploy();
    BusinessCalendar calendar = new BusinessCalendar(applicationCalendarSettings());
    return new ModelEngine(engine, calendar,
        new ServiceLevels(new Decisions(engine.getDecisionService(), configuration), calendar),
        new LegalDeadlines(calendar));
  }

  /** Registers, for the test about to run, the beans of the deadlines under the names the models use. */
  void registerPlatformBeans() {
    Mocks.register("businessCalendar", businessCalendar);
    Mocks.register("serviceLevels", serviceLevels);
    Mocks.register("legalDeadlines", legalDeadlines);
  }

  /** {@code complaints.calendar} of application.yaml, bound as Spring Boot binds it: the holidays the desk keeps. */
  private static BusinessCalendarProperties applicationCalendarSettings() {
    try {
      // The first document holds what every profile gets; complaints.calendar is there.
      PropertySource<?> settings = new YamlPropertySourceLoader()
          .load("application.yaml", new ClassPathResource("application.yaml")).get(0);
      return new Binder(ConfigurationPropertySources.from(settings))
          .bind("complaints.calendar", BusinessCalendarProperties.class)
          .orElseThrow(() -> new IllegalStateException("application.yaml has no complaints.calendar"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read application.yaml", e);
    }
  }
}
