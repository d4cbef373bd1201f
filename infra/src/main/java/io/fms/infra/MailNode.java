package io.fms.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A mail sink (GreenMail): SMTP in, IMAP and POP3 out, on loopback only. Whoever a message is addressed to gets a
 * mailbox on the spot, with login and password both that address. Messages live in memory while it runs.
 *
 * <p>Usage: {@code java io.fms.infra.MailNode [data directory]} (unused: the sink keeps nothing on disk). Ports:
 * {@code FMS_LOCAL_SMTP_PORT} (else {@code FMS_SMTP_PORT}), {@code FMS_LOCAL_IMAP_PORT}, {@code FMS_LOCAL_POP3_PORT}
 * (defaults in infra/lib/stack.env).
 */
public final class MailNode {

    private static final String LOOPBACK = "127.0.0.1";

    private MailNode() {}

    public static void main(String[] args) throws Exception {
        StackAddresses addresses = StackAddresses.fromEnvironment();
        int smtpPort = addresses.localSmtpPort();
        int imapPort = addresses.imapPort();
        int pop3Port = addresses.pop3Port();

        // GreenMail's default for an unknown recipient is what the local stack offers: a new mailbox whose login and
        // password are the address. So no users are configured and authentication stays on.
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(pop3Port, LOOPBACK, ServerSetup.PROTOCOL_POP3)
        });
        greenMail.start();
        Launch.ready("mail sink: SMTP localhost:" + smtpPort + ", IMAP localhost:" + imapPort + ", POP3 localhost:"
                + pop3Port + " (login = password = the recipient's address)");
        Launch.runUntilTerminated("mail", greenMail::stop);
    }
}
