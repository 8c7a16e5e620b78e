package kr.complaintdesk.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * camunda-bpm-junit5's extension on the {@link ModelEngine} of the JVM instead of an engine per class: it deploys
 * a test's own {@code @Deployment} and resets the engine clock after each test. Before each test it points
 * camunda-bpm-assert at this engine and registers the deadline beans; after it, it forgets every bean registered.
 */
public class ModelEngineExtension extends ProcessEngineExtension implements BeforeEachCallback, AfterEachCallback {

  @Override
  protected void initializeProcessEngine() {
    processEngine = ModelEngine.get().processEngine();
    processEngineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    init(ModelEngine.get().processEngine());
    ModelEngine.get().registerPlatformBeans();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
  }
}
