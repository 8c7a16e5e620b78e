package kr.complaintdesk.notification;

import kr.complaintdesk.notification.CustomerMessenger.Channel;
import kr.complaintdesk.notification.CustomerMessenger.OutboundMessage;
import kr.complaintdesk.process.EngineClock;
import kr.complaintdesk.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Notices to staff about their cases (the customer called again, a promise or a deadline is near). They
 * go out through the same messenger and outbox as customer messages, to the e-mail address of the
 * Camunda user, once per reference; the case timeline says who was told what.
 */
@Service
public class StaffNotifications {

  private final JdbcTemplate jdbc;
  private final CustomerMessenger messenger;
  private final IdentityService identityService;
  private final Timeline timeline;

  public StaffNotifications(JdbcTemplate jdbc, CustomerMessenger messenger, IdentityService identityService,
      Timeline timeline) {
    this.jdbc = jdbc;
    this.messenger = messenger;
    this.identityService = identityService;
    this.timeline = timeline;
  }

  /**
   * Tells {@code userId} about the case; false when nothing was sent now (already sent under this
   * reference, or no one to tell, which the timeline then records).
   */
  public boolean notify(String reference, String caseNumber, String userId, String subject, String body) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM outbound_message WHERE reference = ?", Integer.class,
        reference);
    if (count != null && count > 0) {
      return false;
    }
    if (userId == null) {
      timeline.record(caseNumber, Timeline.Kind.NOTICE, CurrentUser.SYSTEM, "담당자 알림 못 함 (담당자 없음): " + subject,
          body);
      return false;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String email = user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    Channel channel = email == null ? Channel.NONE : Channel.EMAIL;
    boolean delivered = messenger.send(new OutboundMessage(reference, caseNumber, MessageTemplate.STAFF_NOTICE,
        channel, email, "[사건 " + caseNumber + "] " + subject, body));
    jdbc.update("INSERT INTO outbound_message (reference, case_number, template, channel, recipient, created_at, sent_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", reference, caseNumber, MessageTemplate.STAFF_NOTICE.name(), channel.name(), email,
        EngineClock.now(), EngineClock.now());
    timeline.record(caseNumber, Timeline.Kind.NOTICE, CurrentUser.SYSTEM,
        (delivered ? "담당자 알림 발송 (" : "담당자 알림 기록 (") + userId + "): " + subject, body);
    return true;
  }
}
