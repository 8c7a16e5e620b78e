package kr.complaintdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through an SMTP server ({@code spring.mail.*}). The reference becomes the Message-ID,
 * so a message sent twice after a crash between sending and committing is recognisable as one.
 * Customers without an e-mail address are recorded only: SMS needs its own gateway.
 */
@Component
@ConditionalOnProperty(name = "complaints.messaging.smtp.enabled", havingValue = "true")
class SmtpMessenger implements CustomerMessenger {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMessenger.class);
  private final JavaMailSender mailSender;
  private final String from;

  public SmtpMessenger(JavaMailSender mailSender, @Value("${complaints.messaging.from}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  @Override
  public boolean send(OutboundMessage message) {
    if (message.channel() != Channel.EMAIL) {
      LOG.info("Customer message {} has no e-mail address; recorded only", message.reference());
      return false;
    }
    try {
      MimeMessage mime = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(message.recipient());
      helper.setSubject(message.subject());
      helper.setText(message.body());
      mime.saveChanges();
      mime.setHeader("Message-ID", "<" + message.reference().replaceAll("[^A-Za-z0-9.:-]", "-") + "@complaint-desk>");
      mailSender.send(mime);
      LOG.info("Sent customer message {} by e-mail", message.reference());
      return true;
    } catch (MessagingException | MailException e) {
      // The cause's message may quote the address; the incident in Cockpit names only the reference.
      throw new IllegalStateException("E-mail for customer message " + message.reference() + " failed: "
          + e.getClass().getSimpleName());
    }
  }
}
