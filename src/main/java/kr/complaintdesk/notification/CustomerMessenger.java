package kr.complaintdesk.notification;

/**
 * Delivers a message to a customer (e-mail gateway, SMS/알림톡 gateway). Implementations must treat
 * {@link OutboundMessage#reference()} as an idempotency key where the channel allows it: a retried job
 * sends again with the same reference.
 */
public interface CustomerMessenger {

  /** Sends the message; false when this messenger has no way to reach the customer on that channel. */
  boolean send(OutboundMessage message);

  /** One message to one customer about one case. */
  record OutboundMessage(String reference, String caseNumber, MessageTemplate template, Channel channel,
      String recipient, String subject, String body) {}

  /** How the message reaches the customer; {@code NONE} when we know no address (recorded only). */
  enum Channel { EMAIL, SMS, NONE }
}
