package kr.complaintdesk.compensation;

/**
 * The system that moves money or credit to the customer (PG refund, bank transfer, point system).
 * Implementations must treat {@link Payout#reference()} as an idempotency key: the same reference
 * twice pays once, because a retried job calls again with the same reference.
 */
public interface PayoutGateway {

  /** Pays or issues the payout and returns the gateway's own transaction id. */
  String execute(Payout payout);

  /** What to pay: the remedy decides whether it is money (refund, treatment costs) or credit. */
  record Payout(String reference, String caseNumber, String remedy, long amountKrw) {}
}
