package dev.paperstream.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * One span per consumed batch, continuing the trace its entries came with: ingest puts the POST's trace context in
 * each record's headers, the batch span is a child of the first record's and links the others' (a batch can mix
 * digests). While it is current, the batch's transaction runs and its events are sent with it as their parent, so
 * one digest's trace goes from {@code POST /digests} through Kafka to the enriched events. Without tracing
 * ({@code quarkus.otel.sdk.disabled}) every call here is a no-op.
 */
@ApplicationScoped
public class BatchTracing {

    private static final int MAX_LINKS = 128;

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public BatchTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.paperstream.enrich");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the batch's span and makes it current on this thread until the returned scope is closed. */
    public Scope start(ConsumerRecords<String, String> records) {
        Context parent = null;
        List<SpanContext> links = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Context sent = propagator.extract(Context.root(), record.headers(), HEADERS);
            SpanContext span = Span.fromContext(sent).getSpanContext();
            if (!span.isValid()) {
                continue;
            }
            if (parent == null) {
                parent = sent;
            } else if (links.size() < MAX_LINKS && !links.contains(span)) {
                links.add(span);
            }
        }
        var builder = tracer.spanBuilder("digest-entries process").setSpanKind(SpanKind.CONSUMER)
                .setParent(parent == null ? Context.root() : parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", "digest-entries")
                .setAttribute("messaging.batch.message_count", records.count());
        links.forEach(builder::addLink);
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return () -> {
            scope.close();
            span.end();
        };
    }
}
