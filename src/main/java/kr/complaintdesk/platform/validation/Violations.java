package kr.complaintdesk.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Bean Validation's answer as the field → reason pairs that staff and API clients read. */
public final class Violations {

  private Violations() {}

  /**
   * Each violation as {@code problem(field, reason)}, the field named by its property path, in the order the
   * validated record declares its fields (a validator answers in no particular order).
   */
  public static <R> List<R> inDeclaredOrder(Set<? extends ConstraintViolation<?>> violations,
      BiFunction<String, String, R> problem) {
    return violations.stream()
        .sorted(Comparator.<ConstraintViolation<?>>comparingInt(Violations::position)
            .thenComparing(v -> v.getPropertyPath().toString())
            .thenComparing(ConstraintViolation::getMessage))
        .map(v -> problem.apply(v.getPropertyPath().toString(), v.getMessage()))
        .toList();
  }

  private static int position(ConstraintViolation<?> violation) {
    RecordComponent[] components = violation.getRootBeanClass().getRecordComponents();
    Iterator<Path.Node> path = violation.getPropertyPath().iterator();
    if (components == null || !path.hasNext()) {
      return Integer.MAX_VALUE;
    }
    String field = path.next().getName();
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(field)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
