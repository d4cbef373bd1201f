package io.fms.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void onlyAVersion00TraceparentIsTaken() {
        assertThat(TraceParent.valid(VALID)).isEqualTo(VALID);
        assertThat(TraceParent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceParent.valid(null)).isNull();
        assertThat(TraceParent.valid(VALID.toUpperCase())).isNull();
        assertThat(TraceParent.valid("01" + VALID.substring(2))).isNull();
        assertThat(TraceParent.valid("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(TraceParent.valid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isNull();
        assertThat(TraceParent.valid(VALID + "-extra")).isNull();
    }

    @Test
    void theParentIdAndTheSampledFlagAreReadFromAValidOne() {
        assertThat(TraceParent.parentId(VALID)).isEqualTo("00f067aa0ba902b7");
        assertThat(TraceParent.sampled(VALID)).isTrue();
        assertThat(TraceParent.sampled(VALID.substring(0, 53) + "03"))
                .as("other flags set too")
                .isTrue();
        assertThat(TraceParent.sampled(VALID.substring(0, 53) + "00")).isFalse();
        assertThat(TraceParent.parentId("garbage")).isNull();
        assertThat(TraceParent.sampled("garbage")).isFalse();
    }

    @Test
    void aRecordsHeaderIsReadAndReplacedOnlyByAValidOne() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(TraceParent.of(headers)).isNull();

        TraceParent.put(headers, VALID);
        TraceParent.put(headers, "not a traceparent");

        assertThat(TraceParent.of(headers)).isEqualTo(VALID);
        assertThat(headers.headers(TraceParent.HEADER)).hasSize(1);
    }

    @Test
    void withNoSpanCurrentTheStoredTraceparentGoesOn() {
        assertThat(TraceParent.outgoing(VALID)).isEqualTo(VALID);
        assertThat(TraceParent.outgoing("garbage")).isNull();
    }
}
