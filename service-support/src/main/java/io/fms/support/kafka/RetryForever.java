package io.fms.support.kafka;

import java.util.Map;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of a listener that must never skip a record: for a consumer whose failures are transient
 * (Postgres or Kafka away, a partition fenced) and which sets unreadable records aside itself, so that whatever
 * reaches the handler is worth trying again until it works.
 *
 * <p>It retries with a pause that doubles from {@code initialIntervalMs} up to {@code maxIntervalMs} and never
 * stops. For a batch listener that throws a plain exception, {@link DefaultErrorHandler} retries the whole batch in
 * memory, pausing the consumer and polling it between tries so that the group does not evict it; a hand-written
 * loop would have to reimplement that to stay in the group. Every exception counts as retryable, including those
 * spring-kafka deems fatal by default (a deserialization or conversion failure would otherwise be skipped). Should
 * the recoverer ever be reached, it throws, which makes the handler seek back and redeliver rather than commit past
 * the record.
 */
public final class RetryForever {

    /** Each pause is twice the one before, up to the maximum. */
    public static final double MULTIPLIER = 2.0;

    private RetryForever() {}

    /**
     * @param initialIntervalMs the first pause, at least 1
     * @param maxIntervalMs the longest pause, at least {@code initialIntervalMs}
     * @param neverGivesUp what the redelivery message starts with, naming what is retried, e.g. "storing booking
     *     events never gives up"
     */
    public static DefaultErrorHandler errorHandler(long initialIntervalMs, long maxIntervalMs, String neverGivesUp) {
        DefaultErrorHandler handler =
                new DefaultErrorHandler(redelivering(neverGivesUp), backOff(initialIntervalMs, maxIntervalMs));
        handler.setClassifications(Map.of(), true);
        return handler;
    }

    /** Doubles from {@code initialIntervalMs} to {@code maxIntervalMs}, then stays there; never answers STOP. */
    public static BackOff backOff(long initialIntervalMs, long maxIntervalMs) {
        if (initialIntervalMs < 1 || maxIntervalMs < initialIntervalMs) {
            throw new IllegalArgumentException(
                    "retry intervals need 1 <= initial <= max, got " + initialIntervalMs + " and " + maxIntervalMs);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(initialIntervalMs, MULTIPLIER);
        backOff.setMaxInterval(maxIntervalMs);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    static ConsumerRecordRecoverer redelivering(String neverGivesUp) {
        return (record, exception) -> {
            throw new IllegalStateException(
                    neverGivesUp + "; redelivering " + record.topic() + "-" + record.partition() + "@"
                            + record.offset(),
                    exception);
        };
    }
}
