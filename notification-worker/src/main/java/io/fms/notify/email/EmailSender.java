package io.fms.notify.email;

import io.fms.events.BookingJson;
import io.fms.events.UnreadableRecordException;
import io.fms.notify.NotifyProperties;
import io.fms.notify.delivery.AttemptOutcome;
import io.fms.notify.delivery.AttemptResult;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.ChannelSender;
import io.fms.notify.delivery.DueDelivery;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends the booking email over SMTP: text and HTML alternatives of the same message. */
@Component
public class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    /** Lets a mail client, or a support engineer, match a message to the delivery log. */
    public static final String HEADER_EVENT_ID = "FMS-Event-Id";

    private final JavaMailSender mailSender;
    private final String from;

    public EmailSender(JavaMailSender mailSender, NotifyProperties properties) {
        this.mailSender = mailSender;
        this.from = properties.mailFrom();
    }

    /** RFC 5322 msg-id of an event's email: the same on every attempt, so a repeat is recognisably a repeat. */
    private static String messageId(DueDelivery delivery) {
        return "<" + delivery.eventId() + ".booking@fms.local>";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public AttemptResult send(DueDelivery delivery, int attempt) {
        MimeMessage message;
        try {
            EmailContent content = EmailComposer.compose(BookingJson.readEvent(delivery.payload()));
            message = mailSender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(delivery.destination());
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
            message.setHeader(HEADER_EVENT_ID, delivery.eventId().toString());
            // The same on every attempt of this email: when a worker dies between the server's acceptance and our
            // record of it, the repeat carries the Message-ID of the first, which mail systems de-duplicate on.
            message.setHeader("Message-ID", messageId(delivery));
        } catch (MessagingException | UnreadableRecordException | MailParseException | MailPreparationException e) {
            return AttemptResult.failure(AttemptOutcome.INVALID_MESSAGE, "cannot build the email: " + e.getMessage());
        }
        try {
            mailSender.send(message);
            return AttemptResult.success(null);
        } catch (MailParseException | MailPreparationException e) {
            return AttemptResult.failure(AttemptOutcome.INVALID_MESSAGE, "cannot build the email: " + e.getMessage());
        } catch (MailException e) {
            // The SMTP server is ours: its address and the exception stay in the log, clients see that it failed.
            // An SMTP refusal quotes the recipient ("550 <ada@example.com>: no such user"): not for our logs.
            log.warn(
                    "delivery {}: the SMTP server did not take the email: {}",
                    delivery.id(),
                    String.valueOf(e.getMessage()).replaceAll("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+", "<address>"));
            return AttemptResult.failure(AttemptOutcome.SMTP_ERROR, "the mail server did not accept the email");
        }
    }
}
