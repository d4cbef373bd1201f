package io.fms.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C {@code traceparent} header ({@code 00-<32 hex trace ID>-<16 hex parent ID>-<2 hex flags>}), where a trace
 * crosses a boundary that no instrumentation covers: a decision made in a batch, a delivery read back from the
 * delivery log. Only the version-00 form is taken; anything else is dropped rather than stored or sent on.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";
    /** The length of a version-00 traceparent: stored values are bounded by it. */
    public static final int LENGTH = 55;

    private static final Pattern VERSION_00 =
            Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {}

    /** The value when it is a valid version-00 traceparent, else null. */
    public static String valid(String value) {
        return value != null
                        && value.length() == LENGTH
                        && VERSION_00.matcher(value).matches()
                ? value
                : null;
    }

    /** The last traceparent header of a Kafka record's headers, when valid; else null. */
    public static String of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null
                ? null
                : valid(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** Sets the record's traceparent header to {@code traceparent}; a null or invalid one sets nothing. */
    public static void put(Headers headers, String traceparent) {
        String value = valid(traceparent);
        if (value != null) {
            headers.remove(HEADER);
            headers.add(HEADER, value.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The trace ID of a valid traceparent, else null. */
    public static String traceId(String traceparent) {
        String value = valid(traceparent);
        return value == null ? null : value.substring(3, 35);
    }

    /** The parent span's ID of a valid traceparent, else null. */
    public static String parentId(String traceparent) {
        String value = valid(traceparent);
        return value == null ? null : value.substring(36, 52);
    }

    /** Whether a valid traceparent's flags say its trace is sampled (false for an invalid one). */
    public static boolean sampled(String traceparent) {
        String value = valid(traceparent);
        return value != null && (Integer.parseInt(value.substring(53), 16) & 1) == 1;
    }

    /**
     * What an outgoing request hands on: the span current on this thread when there is one, so the receiver's work
     * hangs under ours; else {@code stored}, the traceparent the work came with; else null.
     */
    public static String outgoing(String stored) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return "00-" + current.getTraceId() + "-" + current.getSpanId() + "-"
                    + current.getTraceFlags().asHex();
        }
        return valid(stored);
    }
}
