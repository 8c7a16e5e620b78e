package kr.complaintdesk.casefile;

/** What a complaint is about (SOP.md public names). */
public enum Category {
  HEALTH_HARM, INJURY, PRODUCT_DEFECT, DELIVERY_DELAY, TRANSIT_DAMAGE, WRONG_ITEM, LOST_PARCEL,
  CUSTOMS_DELAY, SERVICE, UNWANTED_CONTACT, OTHER;

  /** A parcel that is late (delivery or customs): its expected delivery date is kept with the case and told. */
  public boolean isDelay() {
    return this == DELIVERY_DELAY || this == CUSTOMS_DELAY;
  }

  /** Bodily harm: care comes first and the case is always P1. */
  public boolean isHarm() {
    return this == HEALTH_HARM || this == INJURY;
  }
}
