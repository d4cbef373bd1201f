package io.fms.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code FMS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">} (SPEC.md). The timestamp is
 * inside the signed text, so a receiver that refuses old timestamps also refuses replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "FMS-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * What a receiver does: the header's timestamp is within {@code tolerance} of {@code now} and its v1 is the
     * HMAC of this body under this secret (compared in constant time).
     */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        byte[] v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            try {
                if (name.equals("t")) {
                    t = Long.parseLong(value);
                } else if (name.equals("v1")) {
                    v1 = HexFormat.of().parseHex(value);
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        return MessageDigest.isEqual(v1, hmac(secret, t, body));
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
