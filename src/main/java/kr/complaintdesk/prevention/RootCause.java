package kr.complaintdesk.prevention;

import kr.complaintdesk.platform.security.StaffGroup;

/** Root cause codes of a cause analysis, each with the department that owns its prevention. */
public enum RootCause {
  FORMULA_REACTION(StaffGroup.QUALITY),
  CONTAMINATION(StaffGroup.QUALITY),
  MOULD_DEFECT(StaffGroup.QUALITY),
  CONTAINER_DEFECT(StaffGroup.QUALITY),
  SHORT_VOLUME(StaffGroup.QUALITY),
  TRANSIT_HANDLING(StaffGroup.LOGISTICS),
  INSUFFICIENT_PACKING(StaffGroup.LOGISTICS),
  WRONG_PICKING(StaffGroup.LOGISTICS),
  CARRIER_LOSS(StaffGroup.LOGISTICS),
  CARRIER_DELAY(StaffGroup.LOGISTICS),
  CUSTOMS_HOLD(StaffGroup.LOGISTICS),
  SERVICE_FAILURE(StaffGroup.CS_LEAD),
  CONTACT_SUPPRESSION_GAP(StaffGroup.CS_LEAD),
  CUSTOMER_MISUSE(StaffGroup.CS_LEAD),
  NOT_PRODUCT_RELATED(StaffGroup.CS_LEAD),
  UNKNOWN(StaffGroup.QUALITY);

  private final String ownerGroup;

  RootCause(String ownerGroup) {
    this.ownerGroup = ownerGroup;
  }

  /** The group that plans, implements and reviews the corrective action. */
  public String ownerGroup() {
    return ownerGroup;
  }
}
