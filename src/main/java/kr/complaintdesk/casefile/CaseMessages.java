package kr.complaintdesk.casefile;

/**
 * The messages a running case takes from the case API (SOP.md public names, and the staff actions
 * {@code VisitRequested} and {@code CaseReclassified}), and the longest note or reason one carries. {@code PreventionNeeded}, which the case sends, is the prevention action's.
 */
public final class CaseMessages {

  public static final String CUSTOMER_RESPONDED = "CustomerResponded";
  public static final String CUSTOMER_CONTACTED = "CustomerContacted";
  public static final String COMPLAINT_WITHDRAWN = "ComplaintWithdrawn";
  public static final String EXTERNAL_THREAT_RAISED = "ExternalThreatRaised";
  public static final String ABUSE_REPORTED = "AbuseReported";
  /** Staff ask for a care visit after the first contact. */
  public static final String VISIT_REQUESTED = "VisitRequested";
  /** Staff correct the category or harm of a case; triage decides again. */
  public static final String CASE_RECLASSIFIED = "CaseReclassified";

  /** The longest note or reason sent with a change of a case. */
  public static final int NOTE = 2000;

  private CaseMessages() {}
}
