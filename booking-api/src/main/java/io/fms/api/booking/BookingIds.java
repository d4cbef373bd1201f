package io.fms.api.booking;

import io.fms.support.CommandPartitions;
import io.fms.support.FmsKafkaProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.OptionalInt;
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
 *
 * <p>Every ID is an RFC 9562 version-8 UUID whose first 16 bits are the command partition of the booking's trip,
 * and 106 further bits are the HMAC's or random: a status read that finds the booking nowhere can still tell
 * whether its command may be waiting undecided on that partition ({@link UndecidedCommands}).
 */
@Component
class BookingIds {

    /** Partitions an ID can name: its first 16 bits. */
    static final int PARTITIONS_MAX = 1 << 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    // Initialised once and cloned per use: Mac is not thread-safe, and getInstance searches the providers.
    private final Mac prototype;
    private final int partitions;

    @Autowired
    BookingIds(JdbcClient jdbc, FmsKafkaProperties kafka) {
        this(
                jdbc.sql("select secret from catalog.instance_secrets where name = 'booking-id'")
                        .query(String.class)
                        .single(),
                kafka.commandPartitions());
    }

    BookingIds(String secret, int partitions) {
        if (partitions < 1 || partitions > PARTITIONS_MAX) {
            throw new IllegalArgumentException("a booking ID can name 1-" + PARTITIONS_MAX + " partitions");
        }
        this.partitions = partitions;
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /**
     * The booking ID of the request for {@code tripId} with {@code fingerprint} that carries {@code idempotencyKey},
     * or a random one when it carries none.
     */
    UUID forRequest(UUID tripId, String idempotencyKey, String fingerprint) {
        int partition = tripPartition(tripId);
        if (idempotencyKey == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            return withPartition(ByteBuffer.wrap(random), partition);
        }
        Mac mac = mac();
        // Length-prefixed, so that no other (key, fingerprint) pair can spell the same input.
        byte[] key = idempotencyKey.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(key.length).array());
        mac.update(key);
        return withPartition(ByteBuffer.wrap(mac.doFinal(fingerprint.getBytes(StandardCharsets.UTF_8))), partition);
    }

    /** The command partition of the trip: the one its commands, and so its bookings' IDs, name. */
    int tripPartition(UUID tripId) {
        return CommandPartitions.of(tripId, partitions);
    }

    /** The command partition a booking ID names, or empty for an ID this scheme did not make. */
    static OptionalInt partitionOf(UUID bookingId) {
        if (bookingId.version() != 8 || bookingId.variant() != 2) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (bookingId.getMostSignificantBits() >>> 48));
    }

    private static UUID withPartition(ByteBuffer bits, int partition) {
        long high = bits.getLong();
        long low = bits.getLong();
        // Partition in the top 16 bits, version 8 (custom) and the standard variant: a well-formed UUID.
        high = ((long) partition << 48) | (high & 0x0000_FFFF_FFFF_0FFFL) | 0x8000L;
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
