package kr.complaintdesk.platform.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refused what a person asked for, with a Korean message for that person: bad input (a date in the
 * past, a missing reason) or a rule or state that forbids it now (four-eyes, a task someone else holds).
 * Thrown from listeners and delegates; every API answers it with the kind's status and the message as is.
 */
public class Refusal extends ProcessEngineException {

  /** What kind of refusal, and the HTTP status the APIs answer it with. */
  public enum Kind {
    BAD_INPUT(400), CONFLICT(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public Refusal(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static Refusal badInput(String message) {
    return new Refusal(Kind.BAD_INPUT, message);
  }

  /** Bad input in one form field: the message names the field as the form shows it. */
  public static Refusal badInput(String field, String reason) {
    return new Refusal(Kind.BAD_INPUT, FormLabels.of(field) + ": " + reason);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message);
  }

  public Kind kind() {
    return kind;
  }
}
