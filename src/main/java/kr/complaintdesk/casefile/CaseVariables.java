package kr.complaintdesk.casefile;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables shared by the models, forms and delegates. Gateways, forms and
 * timers read these; everything else belongs in the application's own tables.
 */
public final class CaseVariables {

  // Public names (SOP.md): REST clients, Tasklist filters and Modeler users rely on them.
  public static final String CASE_NUMBER = "caseNumber";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String PRIORITY = "priority";
  public static final String CUSTOMER_ID = "customerId";
  public static final String REGION = "region";
  public static final String COMPANY_FAULT = "companyFault";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String OUTCOME = "outcome";

  // Intake
  /** Also on Tasklist's cards, to whoever may read the process instance that holds it. */
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String CUSTOMER_SNS_HANDLE = "customerSnsHandle";
  public static final String PRODUCT_CODE = "productCode";
  public static final String PRODUCT_NAME = "productName";
  public static final String PRODUCT_LOT = "productLot";
  public static final String ORDER_NO = "orderNo";
  public static final String OCCURRED_ON = "occurredOn";
  /**
   * The day the company learned of a (possibly serious) adverse event, {@code YYYY-MM-DD}: the regulator report's
   * legal deadline counts from it. Asked at intake and first contact, corrected by the safety lab; the intake day
   * when not given.
   */
  public static final String ADVERSE_EVENT_KNOWN_ON = "adverseEventKnownOn";
  public static final String DESCRIPTION = "description";
  public static final String REMEDY_SOUGHT = "remedySought";
  public static final String EVIDENCE_NOTES = "evidenceNotes";
  public static final String EXTERNAL_THREAT = "externalThreat";
  public static final String PUBLIC_POST_URL = "publicPostUrl";
  public static final String AGENCY_REPLY_DUE = "agencyReplyDue";
  public static final String HARM = "harm";
  public static final String ORDER_VALUE = "orderValue";
  public static final String REPEAT_COMPLAINANT = "repeatComplainant";
  public static final String EXTERNAL_REF = "externalRef";
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";
  /** Who submitted the case through the case API (a channel integration or a member of staff). */
  public static final String SUBMITTED_BY = "submittedBy";

  // Tasklist
  /**
   * The category in Korean as the forms name it ("피부·건강 이상" for HEALTH_HARM), for Tasklist's cards: a local
   * variable of every task whose process has a {@link #CATEGORY}, set when the task is created
   * ({@code TaskCategoryFromCase}), so sub-processes and cases started by earlier versions have it too.
   */
  public static final String CATEGORY_NAME = "categoryName";

  // Triage (outputs of complaint-triage)
  public static final String FIRST_RESPONSE_HOURS = "firstResponseHours";
  public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String NEEDS_SAFETY_LAB = "needsSafetyLab";
  public static final String NEEDS_QUALITY = "needsQuality";
  public static final String NEEDS_LOGISTICS = "needsLogistics";
  public static final String VISIT_OFFERED = "visitOffered";
  public static final String PR_RISK_ALERT = "prRiskAlert";
  /** The decision table and version that triaged the case ("complaint-triage v3"). */
  public static final String TRIAGE_DECISION = "triageDecision";

  // First contact and care
  /** The agent who made the first contact; notices about the case go to them. */
  public static final String CASE_OWNER = "caseOwner";
  public static final String CALLBACK_PROMISED = "callbackPromised";
  /** The promised call-back time as entered in the first-contact form (local time in Korea). */
  public static final String CALLBACK_PROMISED_AT = "callbackPromisedAt";
  /** The promised call-back time as a date for the timers. */
  public static final String CALLBACK_DUE = "callbackDue";
  public static final String CALLBACK_REMINDER_AT = "callbackReminderAt";
  public static final String AGENCY_REPLY_DEADLINE = "agencyReplyDeadline";
  public static final String AGENCY_REPLY_REMINDER_AT = "agencyReplyReminderAt";
  public static final String VISIT_CONSENT = "visitConsent";
  public static final String TREATMENT_COST_ADDED = "treatmentCostAdded";
  public static final String TREATMENT_COST_TOTAL = "treatmentCostTotal";
  public static final String RECOVERED = "recovered";
  /** A care visit staff requested after the first contact runs: the offer waits for it, as for triage's visit. */
  public static final String REQUESTED_CARE_VISIT_RUNNING = "requestedCareVisitRunning";

  // The customer's further contacts, threats and abuse reports (message events of complaint-case)
  /** How often the customer contacted us again while the case was open. */
  public static final String CUSTOMER_CONTACTS = "customerContacts";
  /** This contact's number, local to its event sub-process, so that contacts arriving together each see their own. */
  public static final String CONTACT_NUMBER = "contactNumber";
  public static final String THREAT_KIND = "threatKind";
  public static final String THREAT_NOTE = "threatNote";
  public static final String ABUSE_REPORT = "abuseReport";
  public static final String ABUSE_REPORTED_BY = "abuseReportedBy";
  // A correction of the triage facts (message CaseReclassified), read and removed by the step that triages again
  public static final String CORRECTED_CATEGORY = "correctedCategory";
  public static final String CORRECTED_HARM = "correctedHarm";
  public static final String RECLASSIFICATION_NOTE = "reclassificationNote";
  public static final String RECLASSIFIED_BY = "reclassifiedBy";

  // A consumer agency's reply rounds
  public static final String AGENCY_REPLY_INTERIM = "agencyReplyInterim";
  public static final String AGENCY_NEXT_REPLY_DUE = "agencyNextReplyDue";
  /** Read by the gateway after the reply task: another reply round is needed. */
  public static final String AGENCY_REPLY_PENDING = "agencyReplyPending";

  // Notices and messages (inputs of the steps that send them)
  /** Which {@code MessageTemplate} a sendCustomerMessage step sends. */
  public static final String MESSAGE_TEMPLATE = "messageTemplate";
  /** The text of a notifyStaff step's notice. */
  public static final String NOTICE = "notice";
  /** The task a reminder is about: its holders or candidates are told, and its priority goes up. */
  public static final String REMINDED_TASK = "remindedTask";
  /** Which task is late and by which rule, local to the path an SLA timer starts. */
  public static final String LATE_WORK = "lateWork";

  // Resolution and compensation
  /** The remedy of one offer line (the key of the lines' selection in the offer forms). */
  public static final String REMEDY = "remedy";
  /** The offer on the table as the case file stores it (its id in table offer): what is approved, answered and fulfilled. */
  public static final String OFFER_ID = "offerId";
  /** The lines the policy table suggested (Json, {@link OfferLines}), each with its legal basis. */
  public static final String SUGGESTED_LINES = "suggestedLines";
  /** The lines of the offer on the table (Json, {@link OfferLines}). */
  public static final String OFFER_LINES = "offerLines";
  /** The offer's total value in won, money and goods at their value: what approval is decided on. */
  public static final String OFFER_TOTAL = "offerTotalKrw";
  /** The offer's lines in one line of text, for forms that show them. */
  public static final String OFFER_SUMMARY = "offerSummary";
  public static final String OFFER_TEXT = "offerText";
  public static final String REMEDY_SUGGESTIONS = "remedySuggestions";
  public static final String REMEDY_DEVIATION_REASON = "remedyDeviationReason";
  public static final String DERMATOLOGIST_DIAGNOSIS = "dermatologistDiagnosis";
  public static final String PURCHASE_AGENCY = "purchaseAgency";
  public static final String DELAY_DAYS = "delayDays";
  public static final String FREIGHT_KRW = "freightKrw";
  public static final String CUSTOMER_RESPONSE_NOTE = "customerResponseNote";
  public static final String OFFER_ROUND = "offerRound";
  public static final String OFFER_PREPARED_BY = "offerPreparedBy";
  public static final String OFFER_ACCEPTED = "offerAccepted";
  public static final String APPROVER_GROUP = "approverGroup";
  /** The approver group and every group of more authority, comma-separated: who the approval task is offered to. */
  public static final String APPROVER_GROUPS = "approverGroups";
  /** Whether the offer on the table may be presented: true within the preparer's authority or once approved. */
  public static final String OFFER_APPROVED = "offerApproved";
  public static final String APPROVAL_NOTE = "approvalNote";
  /** The approval round has an approver other than the preparer (false: within the preparer's own authority). */
  public static final String APPROVAL_NEEDED = "approvalNeeded";
  // One offer line as compensation fulfils it, local to that line's instance.
  public static final String LINE_NO = "lineNo";
  public static final String LINE_REMEDY = "lineRemedy";
  public static final String LINE_AMOUNT = "lineAmountKrw";
  public static final String LINE_DESCRIPTION = "lineDescription";
  public static final String PAYOUT_REFERENCE = "payoutReference";
  public static final String NO_RETURN_NEEDED = "noReturnNeeded";
  public static final String RETURN_RECEIVED_ON = "returnReceivedOn";
  public static final String NO_RETURN_REASON = "noReturnReason";
  public static final String REFUND_DUE = "refundDue";
  public static final String REFUND_DUE_TEXT = "refundDueText";
  public static final String SATISFACTION_SCORE = "satisfactionScore";

  // Prevention
  public static final String PREVENTION_KEY = "preventionKey";
  public static final String PREVENTION_OWNER_GROUP = "preventionOwnerGroup";
  public static final String SOURCE_CASE_NUMBER = "sourceCaseNumber";
  public static final String LINKED_CASE_NUMBERS = "linkedCaseNumbers";
  /** The case that asked for the prevention action, local to the message that starts or reaches it. */
  public static final String REPORTED_CASE_NUMBER = "reportedCaseNumber";
  public static final String CUSTOMERS_NOTIFIED = "customersNotified";

  private CaseVariables() {}

  /** The text in variable {@code name}; null when it is not set. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalStateException("Process variable " + name + " holds a " + value.getClass().getSimpleName()
        + ", not text");
  }

  /** Whether variable {@code name} is the boolean true; unset counts as false. */
  public static boolean isTrue(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }
}
