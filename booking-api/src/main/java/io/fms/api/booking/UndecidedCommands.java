package io.fms.api.booking;

import io.fms.api.ProcessorTables;
import io.fms.api.web.ProblemException;
import io.fms.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a booking found nowhere (not in Redis, not in Postgres) may still have its command waiting undecided on
 * its partition: then it is PENDING, not unknown. A booking answered 202 has its command in the log at some offset;
 * until the processor has decided past that offset the booking cannot be in Postgres, and the processor stores how
 * far it has decided ({@code booking.consumer_offsets}) in the transaction that writes its decisions. So if the
 * stored offset is below the log's end, the booking may be waiting; if not, every command of the partition is
 * decided and a booking still missing from Postgres was never accepted. Asked only on such a miss, which is rare
 * (Redis emptied, or a wrong ID), and bounded: a few checks in flight per instance, each with a timeout.
 */
@Component
class UndecidedCommands {

    static final int CHECKS_IN_FLIGHT_MAX = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final Admin admin;
    private final Semaphore checks = new Semaphore(CHECKS_IN_FLIGHT_MAX);

    UndecidedCommands(JdbcClient jdbc, Admin commandLog) {
        this.jdbc = jdbc;
        this.admin = commandLog;
    }

    /**
     * Whether the partition the booking ID names has commands the processor has not decided yet. Read before the
     * caller's last look in Postgres: a decision committed in between is then found there.
     */
    boolean mayBeWaiting(UUID bookingId) {
        OptionalInt partition = BookingIds.partitionOf(bookingId);
        if (partition.isEmpty()) {
            return false;
        }
        if (!checks.tryAcquire()) {
            throw ProblemException.unavailable(
                    "kafka", "Too many lookups of unknown bookings at once; retry shortly", null);
        }
        try {
            TopicPartition topicPartition = new TopicPartition(Topics.BOOKING_COMMANDS, partition.getAsInt());
            long decided = decidedOffset(topicPartition);
            return decided < endOffset(topicPartition);
        } finally {
            checks.release();
        }
    }

    private long decidedOffset(TopicPartition partition) {
        try {
            return jdbc.sql("select next_offset from booking.consumer_offsets where topic = ? and partition = ?")
                    .params(partition.topic(), partition.partition())
                    .query(Long.class)
                    .optional()
                    .orElse(0L);
        } catch (DataAccessException e) {
            if (ProcessorTables.isMissing(e)) {
                return 0L;
            }
            throw e;
        }
    }

    private long endOffset(TopicPartition partition) {
        try {
            return admin.listOffsets(
                            Map.of(partition, OffsetSpec.latest()),
                            // The processor reads committed records only; the API's are never transactional.
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs((int) TIMEOUT.toMillis()))
                    .partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unknown(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unknown(e);
        }
    }

    private static ProblemException unknown(Exception cause) {
        // Without the log's end a missing booking may be a queued one: never answer 404 on a guess.
        return ProblemException.unavailable(
                "kafka", "The booking is not readable now (Kafka did not answer); retry shortly", cause);
    }
}
