package kr.complaintdesk.casefile;

/** Remedies an offer can make; {@link #APOLOGY} means an explanation and apology without compensation. */
public enum Remedy {
  REFUND("환불"), EXCHANGE("교환"), RESOURCING("상품 재확보·재발송"), COUPON("쿠폰"), STORE_CREDIT("적립금"),
  GIFT("사은품"), TREATMENT_COSTS("치료비 지급"), APOLOGY("사과·설명 (보상 없음)");

  private final String label;

  Remedy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
