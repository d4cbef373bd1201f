package io.fms.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) per test JVM, on a free port. */
public final class TestMail {

    private static GreenMail greenMail;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "test-mail-stop"));
        }
        return greenMail;
    }

    public static int smtpPort() {
        return server().getSmtp().getPort();
    }

    /** The messages received so far for this exact recipient. */
    public static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> {
                    try {
                        Address[] to = message.getAllRecipients();
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The decoded content of the first part of this MIME type, e.g. {@code text/plain} or {@code text/html}. */
    public static String part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
