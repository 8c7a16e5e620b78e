package kr.complaintdesk.casefile;

/**
 * Remedies an offer line can make; {@link #APOLOGY} means an explanation and apology without compensation. Goods
 * remedies are sent by logistics and count at the value of the goods; the others are paid or credited.
 */
public enum Remedy {
  REFUND("환불", false), EXCHANGE("교환", true), RESOURCING("상품 재확보·재발송", true), COUPON("쿠폰", false),
  STORE_CREDIT("적립금", false), GIFT("사은품", true), TREATMENT_COSTS("배상금 (치료비·경비·일실소득)", false),
  APOLOGY("사과·설명 (보상 없음)", false);

  private final String label;
  private final boolean goods;

  Remedy(String label, boolean goods) {
    this.label = label;
    this.goods = goods;
  }

  public String label() {
    return label;
  }

  /** Goods sent to the customer (exchange, re-sourcing, a gift): the line names what is sent. */
  public boolean goods() {
    return goods;
  }
}
