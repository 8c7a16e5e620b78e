package kr.complaintdesk.resolution;

/** Remedies an offer can make; {@link #APOLOGY} means an explanation and apology without compensation. */
public enum Remedy {
  REFUND, EXCHANGE, RESOURCING, COUPON, STORE_CREDIT, GIFT, TREATMENT_COSTS, APOLOGY
}
