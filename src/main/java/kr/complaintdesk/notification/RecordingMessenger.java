package kr.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Default messenger until a gateway is connected: the outbox and the case timeline hold the message;
 * the log names only the reference, never an address.
 */
@Component
@ConditionalOnProperty(name = "complaints.messaging.smtp.enabled", havingValue = "false", matchIfMissing = true)
class RecordingMessenger implements CustomerMessenger {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingMessenger.class);

  @Override
  public boolean send(OutboundMessage message) {
    LOG.info("Recorded customer message {} ({}, {})", message.reference(), message.template(), message.channel());
    return false;
  }
}
