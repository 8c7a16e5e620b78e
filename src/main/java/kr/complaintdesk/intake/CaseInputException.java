package kr.complaintdesk.intake;

import java.util.List;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.engine.Refusal;

/**
 * Bad input to a case: names every bad field and why, in Korean for the staff who see it. Thrown
 * inside the engine transaction, so nothing of the rejected input is stored.
 */
public class CaseInputException extends Refusal {

  private final transient List<FieldError> errors;

  public CaseInputException(List<FieldError> errors) {
    super(Kind.BAD_INPUT, "입력값을 확인해 주세요: "
        + String.join("; ", errors.stream().map(e -> FormLabels.of(e.field()) + ": " + e.reason()).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> getErrors() {
    return errors;
  }

  /** One bad field: its variable name and what is wrong with it. */
  public record FieldError(String field, String reason) {
    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }
}
