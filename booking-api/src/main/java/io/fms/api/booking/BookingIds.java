package io.fms.api.booking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses booking IDs. A request with an Idempotency-Key gets an ID derived from the key together with the
 * request's fingerprint (HMAC-SHA256 under a secret the database keeps, {@code catalog.instance_secrets}): every
 * true retry, on any API instance and after Redis lost every idempotency entry, names the same booking, and the
 * processor, which decides each booking ID once by its primary key in Postgres, turns the repeat into a no-op.
 *
 * <p>The fingerprint is part of the input because keys are global and often guessable ("order-4711"): were the ID
 * a function of the key alone, anyone who reused someone's key once Redis had forgotten it would be handed that
 * booking's ID, which is the credential that reads and cancels it, and their own request would never be decided.
 * With the fingerprint, another body names another booking, decided on its own. Without a key, an ID is random.
 */
@Component
class BookingIds {

    private static final String ALGORITHM = "HmacSHA256";

    // Initialised once and cloned per use: Mac is not thread-safe, and getInstance searches the providers.
    private final Mac prototype;

    @Autowired
    BookingIds(JdbcClient jdbc) {
        this(jdbc.sql("select secret from catalog.instance_secrets where name = 'booking-id'")
                .query(String.class)
                .single());
    }

    BookingIds(String secret) {
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /**
     * The booking ID of the request with {@code fingerprint} that carries {@code idempotencyKey}, or a random one
     * when it carries none.
     */
    UUID forRequest(String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        Mac mac = mac();
        // Length-prefixed, so that no other (key, fingerprint) pair can spell the same input.
        byte[] key = idempotencyKey.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(key.length).array());
        mac.update(key);
        ByteBuffer hash = ByteBuffer.wrap(mac.doFinal(fingerprint.getBytes(StandardCharsets.UTF_8)));
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
