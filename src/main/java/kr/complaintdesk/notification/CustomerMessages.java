package kr.complaintdesk.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.complaintdesk.customer.CustomerDirectory;
import kr.complaintdesk.customer.CustomerDirectory.Customer;
import kr.complaintdesk.customer.IdentityKind;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.notification.CustomerMessenger.Channel;
import kr.complaintdesk.notification.CustomerMessenger.OutboundMessage;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.springframework.stereotype.Service;

/**
 * The outbox of customer messages. Called from asynchronous service tasks: a failing messenger makes
 * the job retry and then an incident; a reference that was already sent and committed is not sent
 * again. The customer's opt-out and addresses come from the customer directory, so they cover every
 * identity of the customer.
 */
@Service
public class CustomerMessages {

  private final Outbox outbox;
  private final CaseRecords cases;
  private final CustomerDirectory customers;
  private final CustomerMessenger messenger;
  private final Timeline timeline;

  public CustomerMessages(Outbox outbox, CaseRecords cases, CustomerDirectory customers, CustomerMessenger messenger,
      Timeline timeline) {
    this.outbox = outbox;
    this.cases = cases;
    this.customers = customers;
    this.messenger = messenger;
    this.timeline = timeline;
  }

  /** Sends the message once per reference; returns false when nothing was sent now. */
  public boolean send(String reference, String caseNumber, MessageTemplate template) {
    return send(reference, caseNumber, template, Map.of());
  }

  /** As {@link #send(String, String, MessageTemplate)}, with the facts the template's text names filled in. */
  public boolean send(String reference, String caseNumber, MessageTemplate template, Map<String, String> facts) {
    if (alreadySent(reference)) {
      return false;
    }
    Optional<Customer> customer = cases.find(caseNumber).flatMap(c -> customers.find(c.customerId()));
    if (customer.isPresent() && customer.get().contactOptOut() && !template.neededForTheCase()) {
      timeline.record(caseNumber, Timeline.Kind.MESSAGE, CurrentUser.SYSTEM,
          "고객 안내 보내지 않음 (연락 거부): " + template.subject(caseNumber), "발송 기록 번호: " + reference);
      return false;
    }
    Channel channel = Channel.NONE;
    String recipient = null;
    if (customer.isPresent()) {
      List<String> emails = customer.get().identities().getOrDefault(IdentityKind.EMAIL, List.of());
      List<String> phones = customer.get().identities().getOrDefault(IdentityKind.PHONE, List.of());
      if (!emails.isEmpty()) {
        channel = Channel.EMAIL;
        recipient = emails.get(0);
      } else if (!phones.isEmpty()) {
        channel = Channel.SMS;
        recipient = phones.get(0);
      }
    }
    OutboundMessage message = new OutboundMessage(reference, caseNumber, template, channel, recipient,
        template.subject(caseNumber), template.body(caseNumber, facts));
    boolean delivered = messenger.send(message);
    outbox.recordSent(reference, caseNumber, template, channel, recipient);
    timeline.record(caseNumber, Timeline.Kind.MESSAGE, CurrentUser.SYSTEM,
        (delivered ? "고객 안내 발송 (" + channel + "): " : "고객 안내 기록 (" + channel + " 발송 수단 없음): ") + message.subject(),
        "발송 기록 번호: " + reference);
    return true;
  }

  public boolean alreadySent(String reference) {
    return outbox.alreadySent(reference);
  }
}
