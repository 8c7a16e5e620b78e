package kr.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * A step's name in a model finds its class: {@code ${payCompensation}} is {@code PayCompensationDelegate}.
 * Models and running instances call the beans by name, so when the two differ it is the class that is renamed.
 */
class StepBeanNamesTest {

  private static final Pattern STEP_CLASS = Pattern.compile("(\\w+)(Delegate|Listener)");

  @Test
  void everyNamedDelegateAndListenerIsNamedAfterItsClassWithoutTheSuffix() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, String> classByBean = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("kr.complaintdesk")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      Component component = type.getAnnotation(Component.class);
      Matcher step = STEP_CLASS.matcher(type.getSimpleName());
      if (component == null || component.value().isEmpty() || !step.matches()) {
        continue;
      }
      classByBean.put(component.value(), type.getSimpleName());
      String expected = Character.toLowerCase(step.group(1).charAt(0)) + step.group(1).substring(1);
      if (!component.value().equals(expected)) {
        violations.add(type.getName() + " is @Component(\"" + component.value() + "\"): rename the class to "
            + Character.toUpperCase(component.value().charAt(0)) + component.value().substring(1) + step.group(2)
            + " (the models call the bean by its name)");
      }
    }

    assertThat(classByBean).as("named delegates and listeners found").containsEntry("payCompensation", "PayCompensationDelegate");
    assertThat(violations).isEmpty();
  }
}
