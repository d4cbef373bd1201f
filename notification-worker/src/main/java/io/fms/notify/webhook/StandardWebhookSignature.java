package io.fms.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the Standard Webhooks specification (standardwebhooks.com), which its verifier libraries check:
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">}. The secret
 * is written {@code whsec_<base64 key>}; several, separated by spaces, sign with each key in turn, so that a receiver
 * can move from an old secret to a new one (the specification's rotation: one signature per key, space-separated).
 */
public final class StandardWebhookSignature {

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    static final String SECRET_PREFIX = "whsec_";

    /** The specification asks for keys of 24 to 64 bytes; fewer would be a weak key. */
    static final int KEY_BYTES_MIN = 24;

    private static final String ALGORITHM = "HmacSHA256";

    private final List<byte[]> keys;

    /**
     * @param secrets one or more {@code whsec_} secrets separated by spaces, the current one first; a secret without
     *     the prefix (an older FMS installation's) is used as given, as the bytes of its text
     * @throws IllegalArgumentException naming the problem when a {@code whsec_} secret is not base64 or is too short
     */
    public StandardWebhookSignature(String secrets) {
        List<byte[]> parsed = new ArrayList<>();
        for (String secret : secrets.strip().split("\\s+")) {
            parsed.add(key(secret));
        }
        this.keys = List.copyOf(parsed);
    }

    /** The first of several secrets: the one the older {@code FMS-Signature} header is made with. */
    public static String current(String secrets) {
        return secrets.strip().split("\\s+")[0];
    }

    /** The value of {@code webhook-signature} for this message: one {@code v1,<base64>} per key. */
    public String signature(String id, long unixSeconds, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (byte[] key : keys) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append("v1,").append(Base64.getEncoder().encodeToString(hmac(key, id, unixSeconds, body)));
        }
        return header.toString();
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FMS_WEBHOOK_SECRET: a whsec_ secret must be whsec_<base64 key>", e);
        }
        if (key.length < KEY_BYTES_MIN) {
            throw new IllegalArgumentException(
                    "FMS_WEBHOOK_SECRET: a whsec_ key must be at least " + KEY_BYTES_MIN + " bytes, was " + key.length);
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String id, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
