package kr.complaintdesk.casefile;

/** How a case ended (SOP.md). */
public enum Outcome {
  RESOLVED, UNRESOLVED, WITHDRAWN, NO_RESPONSE
}
