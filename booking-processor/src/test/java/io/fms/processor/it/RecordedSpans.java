package io.fms.processor.it;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span the processor ends, kept in memory for the tests that look at traces. Registered as a bean of the shared
 * test context: Spring Boot adds every {@link SpanProcessor} bean to the tracer provider, beside the exporters.
 */
public class RecordedSpans implements SpanProcessor {

    private static final int KEPT_MAX = 10_000;

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    List<SpanData> named(String name) {
        return ended.stream().filter(span -> span.getName().equals(name)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (ended.size() < KEPT_MAX) {
            ended.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
