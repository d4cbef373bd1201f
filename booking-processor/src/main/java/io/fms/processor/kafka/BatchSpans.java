package io.fms.processor.kafka;

import io.fms.events.Topics;
import io.fms.support.tracing.TraceParent;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A span for each batch of commands. A batch decides the commands of many requests, each in a trace of its own, so
 * its span cannot be the child of all of them: it starts a trace of its own and links to the trace of every command
 * in it (the OpenTelemetry way of showing batch processing), while each event still continues its own command's
 * trace. Without tracing (no {@link Tracer}), spans cost nothing.
 */
@Component
class BatchSpans {

    /** A bound on the links of one span; a larger batch links its first commands only. */
    static final int LINKS_MAX = 128;

    static final String NAME = "process " + Topics.BOOKING_COMMANDS;

    private final Tracer tracer;

    BatchSpans(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    /** Starts the batch's span; the caller puts it in scope and ends it. */
    Span start(List<ConsumerRecord<String, byte[]>> records) {
        Span.Builder span = tracer.spanBuilder()
                .setNoParent()
                .name(NAME)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", Topics.BOOKING_COMMANDS)
                .tag("messaging.batch.message_count", records.size());
        TreeSet<Integer> partitions = new TreeSet<>();
        int links = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            partitions.add(record.partition());
            String traceparent = links < LINKS_MAX ? TraceParent.of(record.headers()) : null;
            if (traceparent != null) {
                span.addLink(new Link(tracer.traceContextBuilder()
                        .traceId(TraceParent.traceId(traceparent))
                        .spanId(TraceParent.parentId(traceparent))
                        .sampled(TraceParent.sampled(traceparent))
                        .build()));
                links++;
            }
        }
        return span.tag("messaging.destination.partition.id", partitions.toString())
                .start();
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
