package kr.complaintdesk.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link Requires}: skip with an install hint on a developer machine, fail in CI. */
public class RequiresCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Requires requires = AnnotationSupport.findAnnotation(context.getElement(), Requires.class).orElse(null);
    if (requires == null) {
      return ConditionEvaluationResult.enabled("no external tools needed");
    }
    List<String> missing = new ArrayList<>();
    for (ExternalTool tool : requires.value()) {
      if (!tool.isAvailable()) {
        missing.add(tool + " missing: " + tool.installHint());
      }
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("all external tools present");
    }
    String message = String.join("; ", missing);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run this test, but " + message);
    }
    return ConditionEvaluationResult.disabled("Skipped: " + message);
  }
}
