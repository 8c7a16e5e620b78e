package kr.complaintdesk;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.stream.Stream;
import kr.complaintdesk.casefile.CaseVariables;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * The layout of the code (README, "Code layout"): a package per step of the SOP, kernels the steps share, and a
 * platform under both. A step uses kernels and the platform, never another step; a kernel uses other kernels
 * (without cycles) and the platform, never a step; the platform uses neither, with one exception named below.
 * And a step's name in a model finds its class: the bean {@code payCompensation} is {@code PayCompensationDelegate}.
 */
@AnalyzeClasses(packages = "kr.complaintdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayoutRulesTest {

  /** The steps of SOP.md, in its order; {@code anytime} holds the events that may come at any time. */
  static final List<String> PHASES = List.of("intake", "triage", "firstcontact", "care", "analysis", "resolution",
      "compensation", "prevention", "anytime");
  /** What the steps share: the case, the customer, the timeline, messages to customers and staff. */
  static final List<String> KERNELS = List.of("casefile", "customer", "timeline", "notification");

  static final String ROOT = "kr.complaintdesk";
  static final String PLATFORM = "kr.complaintdesk.platform..";

  /**
   * The one dependency of the platform on a kernel: Tasklist's task priority and cards are the case's variables
   * ({@code priority}, {@code caseNumber}, {@code customerName}, {@code category}), whose names live with the case.
   */
  static final DescribedPredicate<JavaClass> TASKLIST = resideInAPackage("kr.complaintdesk.platform.tasklist..");
  static final DescribedPredicate<JavaClass> CASE_VARIABLES = equivalentTo(CaseVariables.class);

  @ArchTest
  static final ArchRule everyClassIsInAStepAKernelThePlatformOrTheRoot = classes()
      .should().resideInAnyPackage(Stream.of(Stream.of(ROOT, PLATFORM), packages(PHASES), packages(KERNELS))
          .flatMap(s -> s).toArray(String[]::new))
      .because("a new top-level package is a decision about the layout: add it to the lists of this test");

  @ArchTest
  static final ArchRule theRootDependsOnNothingOfTheApplication = noClasses()
      .that().resideInAPackage(ROOT)
      .should().dependOnClassesThat().resideInAPackage(ROOT + ".*..")
      .because("it holds only the application class and its settings");

  @ArchTest
  static final ArchRule topLevelPackagesHaveNoCycles = slices().matching(ROOT + ".(*)..")
      .should().beFreeOfCycles()
      .ignoreDependency(TASKLIST, CASE_VARIABLES);

  @ArchTest
  static final ArchRule aStepDependsOnNoOtherStep = slices().matching(ROOT + ".(*)..")
      .that(describe("are steps of the SOP", (Slice slice) -> PHASES.contains(slice.getNamePart(1))))
      .should().notDependOnEachOther()
      .because("what two steps share belongs in a kernel (casefile, customer, timeline, notification)");

  @ArchTest
  static final ArchRule kernelsDependOnNoStep = noClasses()
      .that().resideInAnyPackage(packages(KERNELS).toArray(String[]::new))
      .should().dependOnClassesThat().resideInAnyPackage(packages(PHASES).toArray(String[]::new));

  @ArchTest
  static final ArchRule thePlatformDependsOnNoStepAndNoKernel = noClasses()
      .that().resideInAPackage(PLATFORM).and(DescribedPredicate.not(TASKLIST))
      .should().dependOnClassesThat().resideInAnyPackage(stepsAndKernels());

  @ArchTest
  static final ArchRule tasklistDependsOnTheCaseVariablesOnly = noClasses()
      .that(TASKLIST)
      .should().dependOnClassesThat(resideInAnyPackage(stepsAndKernels()).and(DescribedPredicate.not(CASE_VARIABLES)));

  @ArchTest
  static final ArchRule platformPackagesHaveNoCycles = slices().matching("kr.complaintdesk.platform.(*)..")
      .should().beFreeOfCycles();

  /** Models and running instances call these by bean name; the name finds the class and the class the name. */
  @ArchTest
  static final ArchRule stepsOfModelsAreBeansNamedAfterTheirClass = classes()
      .that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
      .and().areNotAnonymousClasses()
      .should().haveSimpleNameEndingWith("Delegate").orShould().haveSimpleNameEndingWith("Listener")
      .andShould(beNamedAfterTheirClass(true));

  @ArchTest
  static final ArchRule everyNamedBeanIsNamedAfterItsClass = classes()
      .that(describe("are beans with a name of their own", (JavaClass type) -> !beanName(type).isEmpty()))
      .should(beNamedAfterTheirClass(false));

  private static Stream<String> packages(List<String> names) {
    return names.stream().map(name -> ROOT + "." + name + "..");
  }

  private static String[] stepsAndKernels() {
    return Stream.concat(packages(PHASES), packages(KERNELS)).toArray(String[]::new);
  }

  /** {@code @Component("payCompensation")} (or a stereotype with a value), or empty. */
  private static String beanName(JavaClass type) {
    Component component = AnnotatedElementUtils.getMergedAnnotation(type.reflect(), Component.class);
    return component == null ? "" : component.value();
  }

  /** {@code payCompensation} for {@code PayCompensationDelegate}: the class's name without its suffix. */
  private static String expectedBeanName(JavaClass type) {
    String name = type.getSimpleName().replaceFirst("(Delegate|Listener)$", "");
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static ArchCondition<JavaClass> beNamedAfterTheirClass(boolean nameRequired) {
    return new ArchCondition<>("be beans named after their class without its suffix (Delegate, Listener)") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String name = beanName(type);
        String expected = expectedBeanName(type);
        if (name.isEmpty()) {
          events.add(new SimpleConditionEvent(type, !nameRequired,
              type.getName() + " has no bean name: a model calls it as @Component(\"" + expected + "\")"));
        } else {
          String suffix = type.getSimpleName().substring(expected.length());
          events.add(new SimpleConditionEvent(type, name.equals(expected), type.getName() + " is the bean \"" + name
              + "\": the models call it by that name, so rename the class to "
              + Character.toUpperCase(name.charAt(0)) + name.substring(1) + suffix));
        }
      }
    };
  }
}
