package kr.complaintdesk.analysis;

import kr.complaintdesk.notification.MessageTemplate;

/**
 * Names of the process variables of the logistics investigation and the carrier claim. The tracking number,
 * customs status and, for a late parcel, the kind of delay, where the parcel is and its expected delivery date are
 * copied onto the case; the claim's own figures stay in {@code carrier-claim}, because what the carrier pays us is
 * not what the customer is owed.
 */
public final class ShipmentVariables {

  public static final String TRACKING_NUMBER = "trackingNumber";
  /** One of {@link CustomsStatus}. */
  public static final String CUSTOMS_STATUS = "customsStatus";
  /** Lost or damaged in transit and the carrier is liable: a carrier claim starts. */
  public static final String CARRIER_LIABLE = "carrierLiable";
  public static final String LOGISTICS_FINDINGS = "logisticsFindings";
  public static final String CARRIER_CLAIM_NUMBER = "carrierClaimNumber";
  public static final String CARRIER_CLAIM_AMOUNT = "carrierClaimAmount";
  /** One of {@link CarrierClaimOutcome}. */
  public static final String CARRIER_CLAIM_OUTCOME = "carrierClaimOutcome";
  public static final String CARRIER_RECOVERED_AMOUNT = "carrierRecoveredAmount";
  /** One of {@link DelayKind}; asked of late-parcel cases only ({@link kr.complaintdesk.casefile.Category#isDelay()}). */
  public static final String DELAY_KIND = "delayKind";
  /** Where the parcel is now, in words the customer reads. */
  public static final String PARCEL_WHEREABOUTS = "parcelWhereabouts";
  /** The expected delivery date, {@code YYYY-MM-DD}; staff may change it while the case is open. */
  public static final String DELIVERY_ETA = "deliveryEta";
  /** How many times staff changed the expected date on the case: each change's status update is sent once. */
  public static final String DELIVERY_ETA_CHANGES = "deliveryEtaChanges";

  /** The categories of a late parcel: the investigation says which kind of delay it is and the customer hears so. */

  /** The three kinds of delay the field tells apart, each answered with its own message. */
  public enum DelayKind {
    LATE("예상보다 늦어짐", MessageTemplate.DELAY_LATE),
    NO_TRACKING_NEWS("배송 조회에 소식 없음", MessageTemplate.DELAY_NO_TRACKING_NEWS),
    CUSTOMER_CHASING("고객이 배송을 재촉함", MessageTemplate.DELAY_CUSTOMER_CHASING);

    private final String korean;
    private final MessageTemplate message;

    DelayKind(String korean, MessageTemplate message) {
      this.korean = korean;
      this.message = message;
    }

    public String korean() {
      return korean;
    }

    public MessageTemplate message() {
      return message;
    }
  }

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
