package io.fms.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void originAndReasonInThatOrderAsUtf8Text() {
        var origin = new ConsumerRecord<>("fms.booking.commands", 7, 123_456_789_012L, "trip", new byte[] {1});
        var headers = new RecordHeaders();

        var returned = DeadLetterHeaders.add(headers, origin, "not JSON: café");

        assertThat(returned).isSameAs(headers);
        assertThat(Arrays.stream(headers.toArray()).map(Header::key))
                .containsExactly("fms-origin-topic", "fms-origin-partition", "fms-origin-offset", "fms-error");
        assertThat(text(headers, Topics.HEADER_ORIGIN_TOPIC)).isEqualTo("fms.booking.commands");
        assertThat(text(headers, Topics.HEADER_ORIGIN_PARTITION)).isEqualTo("7");
        assertThat(text(headers, Topics.HEADER_ORIGIN_OFFSET)).isEqualTo("123456789012");
        assertThat(headers.lastHeader(Topics.HEADER_ERROR).value())
                .isEqualTo("not JSON: café".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersAlreadyThereAreKept() {
        var headers = new RecordHeaders().add("fms-type", "BookingConfirmed".getBytes(StandardCharsets.UTF_8));

        DeadLetterHeaders.add(headers, "fms.booking.events", 0, 0, "gave up");

        assertThat(Arrays.stream(headers.toArray()).map(Header::key))
                .containsExactly(
                        "fms-type", "fms-origin-topic", "fms-origin-partition", "fms-origin-offset", "fms-error");
    }

    private static String text(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
