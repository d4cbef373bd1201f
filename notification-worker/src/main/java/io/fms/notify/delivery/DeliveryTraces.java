package io.fms.notify.delivery;

import io.fms.support.tracing.TraceParent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Continues the booking's trace for one delivery attempt. The attempt runs long after its event was read (from the
 * delivery log, on a dispatcher thread, perhaps after retries), so the trace is taken from the traceparent stored
 * with the event: the attempt's span is its child, and what the attempt logs and sends carries the same trace ID.
 */
@Component
public class DeliveryTraces {

    private final Tracer tracer;
    private final Propagator propagator;

    /** Without a tracer or a propagator (tracing switched off), attempts run as they are. */
    DeliveryTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    /** A span continuing the delivery's trace, current until closed; a no-op without tracing or a stored trace. */
    Scope continueFor(DueDelivery delivery) {
        String traceparent = TraceParent.valid(delivery.traceparent());
        if (tracer == null || propagator == null || traceparent == null) {
            return () -> {};
        }
        Span span = propagator
                .extract(Map.of(TraceParent.HEADER, traceparent), Map::get)
                .name("notification " + delivery.channel().name().toLowerCase(java.util.Locale.ROOT))
                .tag("fms.booking", delivery.bookingId().toString())
                .tag("fms.event.type", delivery.eventType())
                .start();
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    /** What {@link #continueFor} returns: closing it ends the span. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
