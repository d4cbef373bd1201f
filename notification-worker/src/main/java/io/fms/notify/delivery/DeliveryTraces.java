package io.fms.notify.delivery;

import io.fms.support.tracing.TraceParent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Continues the booking's trace for one delivery attempt. The attempt runs long after its event was read (from the
 * delivery log, on a dispatcher thread, perhaps after retries), so the trace is taken from the traceparent stored
 * with the event: the attempt's span is its child, and what the attempt logs and sends carries the same trace ID.
 */
@Component
public class DeliveryTraces {

    /** No tracing: attempts run as they are. */
    static final DeliveryTraces NONE = new DeliveryTraces((Tracer) null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    @Autowired
    DeliveryTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    private DeliveryTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
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
