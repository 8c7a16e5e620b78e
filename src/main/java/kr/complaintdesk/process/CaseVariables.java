package kr.complaintdesk.process;

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
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String CUSTOMER_SNS_HANDLE = "customerSnsHandle";
  public static final String PRODUCT_CODE = "productCode";
  public static final String PRODUCT_NAME = "productName";
  public static final String PRODUCT_LOT = "productLot";
  public static final String ORDER_NO = "orderNo";
  public static final String OCCURRED_ON = "occurredOn";
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

  // Triage (outputs of complaint-triage)
  public static final String FIRST_RESPONSE_HOURS = "firstResponseHours";
  public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String NEEDS_SAFETY_LAB = "needsSafetyLab";
  public static final String NEEDS_QUALITY = "needsQuality";
  public static final String NEEDS_LOGISTICS = "needsLogistics";
  public static final String VISIT_OFFERED = "visitOffered";
  public static final String PR_RISK_ALERT = "prRiskAlert";

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

  // Resolution and compensation
  public static final String REMEDY = "remedy";
  public static final String OFFER_AMOUNT = "offerAmount";
  public static final String OFFER_TEXT = "offerText";
  public static final String SUGGESTED_REMEDIES = "suggestedRemedies";
  public static final String REMEDY_SUGGESTIONS = "remedySuggestions";
  public static final String REMEDY_DEVIATION_REASON = "remedyDeviationReason";
  public static final String DERMATOLOGIST_DIAGNOSIS = "dermatologistDiagnosis";
  public static final String PURCHASE_AGENCY = "purchaseAgency";
  public static final String DECLARED_VALUE_ON_WAYBILL = "declaredValueOnWaybill";
  public static final String DELAY_DAYS = "delayDays";
  public static final String FREIGHT_KRW = "freightKrw";
  public static final String CUSTOMER_RESPONSE_NOTE = "customerResponseNote";
  public static final String OFFER_ROUND = "offerRound";
  public static final String OFFER_PREPARED_BY = "offerPreparedBy";
  public static final String OFFER_ACCEPTED = "offerAccepted";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String COMPENSATION_APPROVED = "compensationApproved";
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

  private CaseVariables() {}
}
