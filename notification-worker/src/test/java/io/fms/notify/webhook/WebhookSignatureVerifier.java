package io.fms.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What a receiver does with {@link WebhookSignature#HEADER}. */
public final class WebhookSignatureVerifier {

    private WebhookSignatureVerifier() {}

    /**
     * @return true when the header's timestamp is within {@code tolerance} of {@code now} and its v1 is the HMAC of
     *     this body under this secret (compared in constant time)
     */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (name.equals("v1")) {
                v1 = value;
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        String expected = WebhookSignature.header(secret, t, body);
        String expectedV1 = expected.substring(expected.indexOf(",v1=") + 4);
        return MessageDigest.isEqual(
                v1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                expectedV1.getBytes(StandardCharsets.US_ASCII));
    }
}
