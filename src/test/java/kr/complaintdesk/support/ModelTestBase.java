package kr.complaintdesk.support;

/** A process test on the models alone ({@link ModelTest}), with what {@link EngineTestBase} gives. */
@ModelTest
public abstract class ModelTestBase extends EngineTestBase {

  protected ModelTestBase() {
    ModelEngine models = ModelEngine.get();
    use(models.processEngine(), models.serviceLevels(), models.businessCalendar());
  }
}
