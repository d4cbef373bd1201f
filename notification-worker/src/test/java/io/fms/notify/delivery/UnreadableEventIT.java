package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.Topics;
import io.fms.notify.DeadLetterReader;
import io.fms.notify.TestEvents;
import io.fms.notify.TestMail;
import io.fms.notify.WorkerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UnreadableEventIT extends WorkerIntegrationTest {

    @Test
    void anUnreadableRecordIsDeadLetteredAndDoesNotHoldUpTheEventsBehindIt() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] garbage =
                ("{\"type\":\"BookingTeleported\",\"marker\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.BOOKING_EVENTS, key, garbage).get(10, TimeUnit.SECONDS);
        String to = TestEvents.uniqueEmail();
        publish(TestEvents.confirmed(to, null));

        var deadLetter = DeadLetterReader.find(r -> key.equals(r.key()), WAIT);
        assertThat(deadLetter).isPresent();
        assertThat(deadLetter.get().value()).isEqualTo(garbage);
        assertThat(DeadLetterReader.header(deadLetter.get(), Topics.HEADER_ERROR))
                .contains("BookingTeleported");
        assertThat(DeadLetterReader.header(deadLetter.get(), Topics.HEADER_ORIGIN_TOPIC))
                .isEqualTo(Topics.BOOKING_EVENTS);
        assertThat(DeadLetterReader.header(deadLetter.get(), Topics.HEADER_ORIGIN_OFFSET))
                .isNotBlank();
        await().atMost(WAIT).until(() -> TestMail.messagesTo(to).size() == 1);
    }
}
