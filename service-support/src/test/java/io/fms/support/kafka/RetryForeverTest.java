package io.fms.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.BackOffExecution;

class RetryForeverTest {

    @Test
    void thePauseDoublesUpToTheMaximumAndNeverStops() {
        BackOffExecution execution = RetryForever.backOff(500, 30_000).start();
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            first.add(execution.nextBackOff());
        }
        assertThat(first).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        for (int i = 0; i < 100_000; i++) {
            assertThat(execution.nextBackOff()).isEqualTo(30_000L);
        }
    }

    @Test
    void intervalsOutOfOrderAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryForever.backOff(0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> RetryForever.backOff(100, 99));
    }

    @Test
    void theRecovererThrowsSoTheRecordIsRedeliveredNotCommitted() {
        var record = new ConsumerRecord<>("fms.booking.events", 2, 41L, "key", new byte[0]);
        var cause = new IllegalStateException("Postgres is away");

        assertThatIllegalStateException()
                .isThrownBy(() -> RetryForever.redelivering("storing booking events never gives up")
                        .accept(record, cause))
                .withMessage("storing booking events never gives up; redelivering fms.booking.events-2@41")
                .withCause(cause);
    }

    @Test
    void noExceptionIsFatalNotEvenThoseSpringKafkaSkipsByDefault() {
        var handler = RetryForever.errorHandler(1, 2, "never gives up");
        var plain = new DefaultErrorHandler();
        for (Class<? extends Exception> fatalByDefault : List.of(
                DeserializationException.class,
                MessageConversionException.class,
                ConversionException.class,
                ClassCastException.class)) {
            // A plain handler classifies it as not retryable; ours holds no classification at all.
            assertThat(plain.removeClassification(fatalByDefault))
                    .as(fatalByDefault.getName())
                    .isFalse();
            assertThat(handler.removeClassification(fatalByDefault))
                    .as(fatalByDefault.getName())
                    .isNull();
        }
    }
}
