package kr.complaintdesk.analysis;

/**
 * Names of the process variables of the logistics investigation and the carrier claim. The tracking number and
 * customs status are copied onto the case; the claim's own figures stay in {@code carrier-claim}, because what
 * the carrier pays us is not what the customer is owed.
 */
public final class ShipmentVariables {

  public static final String TRACKING_NUMBER = "trackingNumber";
  /** One of {@link CustomsStatus}. */
  public static final String CUSTOMS_STATUS = "customsStatus";
  /** Lost or damaged in transit and the carrier is liable: a carrier claim starts. */
  public static final String CARRIER_LIABLE = "carrierLiable";
  public static final String ORDER_NO = "orderNo";
  public static final String LOGISTICS_FINDINGS = "logisticsFindings";
  public static final String CARRIER_CLAIM_NUMBER = "carrierClaimNumber";
  public static final String CARRIER_CLAIM_AMOUNT = "carrierClaimAmount";
  /** One of {@link CarrierClaimOutcome}. */
  public static final String CARRIER_CLAIM_OUTCOME = "carrierClaimOutcome";
  public static final String CARRIER_RECOVERED_AMOUNT = "carrierRecoveredAmount";

  /** Where the parcel stands with customs; overseas purchase-agency parcels pass through it. */
  public enum CustomsStatus {
    NOT_APPLICABLE, HELD, CLEARED, RETURNED
  }

  /** What the carrier answered to the claim. */
  public enum CarrierClaimOutcome {
    ACCEPTED("인정"), PARTIAL("일부 인정"), REJECTED("거절");

    private final String korean;

    CarrierClaimOutcome(String korean) {
      this.korean = korean;
    }

    public String korean() {
      return korean;
    }
  }

  private ShipmentVariables() {}
}
