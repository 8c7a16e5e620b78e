package kr.complaintdesk.notification;

import kr.complaintdesk.notification.CustomerMessenger.Channel;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table of messages sent, to customers and to staff, by reference. A reference is written in the
 * same transaction as the step that sent it, so a retried step finds it and does not send again.
 */
@Component
class Outbox {

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean alreadySent(String reference) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM outbound_message WHERE reference = ?", Integer.class, reference);
    return count != null && count > 0;
  }

  public void recordSent(String reference, String caseNumber, MessageTemplate template, Channel channel, String recipient) {
    jdbc.update("INSERT INTO outbound_message (reference, case_number, template, channel, recipient, created_at, sent_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", reference, caseNumber, template.name(), channel.name(), recipient,
        EngineClock.now(), EngineClock.now());
  }
}
