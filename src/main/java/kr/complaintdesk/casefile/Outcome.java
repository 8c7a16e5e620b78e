package kr.complaintdesk.casefile;

/** How a case ended (SOP.md), with the Korean word staff read for it. */
public enum Outcome {
  RESOLVED("해결"), UNRESOLVED("미해결"), WITHDRAWN("고객 철회"), NO_RESPONSE("무응답");

  private final String korean;

  Outcome(String korean) {
    this.korean = korean;
  }

  public String korean() {
    return korean;
  }

  /** The Korean word of a stored outcome ({@code WITHDRAWN}), or the text itself when it names none. */
  public static String korean(String outcome) {
    for (Outcome known : values()) {
      if (known.name().equals(outcome)) {
        return known.korean;
      }
    }
    return outcome;
  }
}
