package io.fms.api.booking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses booking IDs. A request with an Idempotency-Key gets an ID derived from the key alone (HMAC-SHA256 under
 * a secret the database keeps, {@code catalog.instance_secrets}): every retry of it, on any API instance, and after
 * Redis lost every idempotency entry, names the same booking, and the processor, which decides each booking ID once
 * by its primary key in Postgres, turns the repeat into a no-op. The key alone does not reveal the ID: the booking
 * ID is the credential that reads and cancels a booking, and keys are often guessable. Without a key, an ID is
 * random.
 */
@Component
class BookingIds {

    private static final String ALGORITHM = "HmacSHA256";

    // Initialised once and cloned per use: Mac is not thread-safe, and getInstance searches the providers.
    private final Mac prototype;

    BookingIds(JdbcClient jdbc) {
        String secret = jdbc.sql("select secret from catalog.instance_secrets where name = 'booking-id'")
                .query(String.class)
                .single();
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** The booking ID of the request that carries {@code idempotencyKey}, or a random one when it carries none. */
    UUID forKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        ByteBuffer hash = ByteBuffer.wrap(mac().doFinal(idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        long high = hash.getLong();
        long low = hash.getLong();
        // RFC 9562 version 8 (custom) with the standard variant: 122 bits of the HMAC, a well-formed UUID.
        high = (high & ~0xF000L) | 0x8000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this runtime cannot be cloned", e);
        }
    }
}
