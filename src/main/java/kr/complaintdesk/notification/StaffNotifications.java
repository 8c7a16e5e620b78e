package kr.complaintdesk.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kr.complaintdesk.notification.CustomerMessenger.Channel;
import kr.complaintdesk.notification.CustomerMessenger.OutboundMessage;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices to staff about their cases (the customer called again, a promise or a deadline is near). They
 * go out through the same messenger and outbox as customer messages, to the e-mail address of the
 * Camunda user, once per reference and person; the case timeline says who was told what.
 *
 * <p>Each person is told in a transaction of its own, so one address the mail server refuses neither
 * undoes nor repeats the notices of the others: the step fails after trying everyone, and its retry tells
 * only those not told yet.
 */
@Service
public class StaffNotifications {

  private final Outbox outbox;
  private final CustomerMessenger messenger;
  private final IdentityService identityService;
  private final Timeline timeline;
  private final TransactionTemplate ownTransaction;

  public StaffNotifications(Outbox outbox, CustomerMessenger messenger, IdentityService identityService,
      Timeline timeline, PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.messenger = messenger;
    this.identityService = identityService;
    this.timeline = timeline;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Tells each of {@code userIds} about the case under {@code reference}; a person already told under it
   * is not told again. With nobody to tell, the timeline records that no one was told.
   */
  public void notify(String reference, String caseNumber, Collection<String> userIds, String subject, String body) {
    if (userIds.isEmpty()) {
      if (!outbox.alreadySent(reference)) {
        outbox.recordSent(reference, caseNumber, MessageTemplate.STAFF_NOTICE, Channel.NONE, null);
        timeline.record(caseNumber, Timeline.Kind.NOTICE, CurrentUser.SYSTEM, "담당자가 없어 알림을 보내지 못함: " + subject, body);
      }
      return;
    }
    List<String> failed = new ArrayList<>();
    for (String userId : userIds) {
      try {
        ownTransaction.executeWithoutResult(status -> tell(reference + ":" + userId, caseNumber, userId, subject, body));
      } catch (RuntimeException e) {
        failed.add(userId);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("Staff notice " + reference + " not delivered to " + failed + "; the retry tells only them");
    }
  }

  private void tell(String personal, String caseNumber, String userId, String subject, String body) {
    if (outbox.alreadySent(personal)) {
      return;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String email = user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    Channel channel = email == null ? Channel.NONE : Channel.EMAIL;
    boolean delivered = messenger.send(new OutboundMessage(personal, caseNumber, MessageTemplate.STAFF_NOTICE,
        channel, email, "[사건 " + caseNumber + "] " + subject, body));
    outbox.recordSent(personal, caseNumber, MessageTemplate.STAFF_NOTICE, channel, email);
    timeline.record(caseNumber, Timeline.Kind.NOTICE, CurrentUser.SYSTEM,
        (delivered ? "담당자 알림 발송 (" : "담당자 알림 기록 (") + userId + "): " + subject, body);
  }
}
