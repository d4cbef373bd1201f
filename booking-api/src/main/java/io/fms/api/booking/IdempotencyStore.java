package io.fms.api.booking;

import io.fms.events.BookingJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers, per Idempotency-Key, which request it was first used with and which booking ID that request got, so a
 * retry gets the same booking ID. The entry is claimed with SET NX before anything is published: of two concurrent
 * requests with one key, only one chooses the booking ID.
 */
@Component
class IdempotencyStore {

    static final Duration TTL = Duration.ofHours(24);
    static final String KEY_PREFIX = "fms:idem:";

    /**
     * @param fingerprint SHA-256 of the canonical request
     * @param requestedAt kept so that a republished command is the same command, field for field
     */
    public record Claim(String fingerprint, UUID bookingId, Instant requestedAt) {}

    // Looked up once: MessageDigest.getInstance searches the security providers on every call.
    private static final MessageDigest SHA_256 = sha256();
    private static final HexFormat HEX = HexFormat.of();

    private final StringRedisTemplate redis;

    IdempotencyStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Stores {@code fresh} unless the key already has a claim; answers whichever claim the key now holds. */
    Claim claim(String idempotencyKey, Claim fresh) {
        String key = redisKey(idempotencyKey);
        // Two rounds: the winner's entry can expire between our failed SET NX and our GET.
        for (int round = 0; round < 2; round++) {
            String json = new String(BookingJson.writePlain(fresh), StandardCharsets.UTF_8);
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, json, TTL))) {
                return fresh;
            }
            String existing = redis.opsForValue().get(key);
            if (existing != null) {
                return read(existing);
            }
        }
        throw new IllegalStateException("idempotency entry " + key + " neither settable nor readable");
    }

    static String redisKey(String idempotencyKey) {
        return KEY_PREFIX + sha256Hex(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    }

    static String fingerprint(ValidBooking booking) {
        return sha256Hex(BookingJson.writePlain(booking));
    }

    static Claim read(String json) {
        return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), Claim.class);
    }

    private static String sha256Hex(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return HEX.formatHex(digest.digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
