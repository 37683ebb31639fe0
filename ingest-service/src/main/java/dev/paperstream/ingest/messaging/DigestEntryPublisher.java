package dev.paperstream.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import dev.paperstream.ingest.config.IngestConfig;
import dev.paperstream.ingest.domain.Digest;
import dev.paperstream.ingest.domain.DigestTooLargeException;
import dev.paperstream.ingest.domain.EnrichedEventSize;
import dev.paperstream.ingest.domain.Entry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a digest's entries on {@value Topics#DIGEST_ENTRIES}, keyed by paper id, and returns only when the
 * broker acknowledged every one ({@code acks=all}, idempotent producer).
 * <p>
 * A plain {@link KafkaProducer} rather than a SmallRye emitter: the POST must answer within a few seconds when
 * Kafka is down, which needs exact control of the producer's own timeouts ({@code max.block.ms} for a send without
 * metadata, {@code delivery.timeout.ms} for an unacknowledged record) and a per-record acknowledgement to wait on,
 * with no emitter buffer or overflow strategy in between. Being nobody's but ours, the producer is bound to the
 * metrics registry here, and each record carries the request's trace context (W3C {@code traceparent}) in its headers,
 * so enrich-service continues the trace of the POST that sent it.
 */
@ApplicationScoped
public class DigestEntryPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;
    private final Duration deliveryTimeout;
    private final long maxMessageSize;
    private final KafkaClientMetrics producerMetrics;
    private final TextMapPropagator tracePropagator;

    public DigestEntryPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            IngestConfig config, ObjectMapper json, MeterRegistry registry, OpenTelemetry openTelemetry) {
        IngestConfig.Publish publish = config.publish();
        this.json = json;
        this.deliveryTimeout = publish.deliveryTimeout();
        this.maxMessageSize = config.maxMessageSize().asLongValue();
        this.producer = new KafkaProducer<>(Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) publish.maxBlock().toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) publish.requestTimeout().toMillis()),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publish.deliveryTimeout().toMillis()),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) publish.linger().toMillis()),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, publish.batchSize()),
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) maxMessageSize),
                // reconnect quickly once the broker is back, so the client's retry succeeds
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        this.tracePropagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Fetches the topic's metadata, which the first send would otherwise wait for (start-up warm-up). */
    public void fetchMetadata() {
        producer.partitionsFor(Topics.DIGEST_ENTRIES);
    }

    /**
     * Sends every entry and waits for all acknowledgements. On failure it still waits (up to the delivery timeout)
     * until each record sent is acknowledged or expired, so normally none is left in flight when the client is told
     * to retry; one that is would only be published twice, which consumers absorb.
     *
     * @throws DigestTooLargeException   when an entry's enriched event could exceed the broker's record limit; then
     *                                   nothing is sent
     * @throws KafkaUnavailableException when any entry was not acknowledged within the delivery timeout
     */
    public void publish(Digest digest, Instant receivedAt) {
        List<byte[]> payloads = payloads(digest, receivedAt);
        List<Future<RecordMetadata>> acks = new ArrayList<>(digest.entries().size());
        Exception failure = null;
        // every record sent expires within the delivery timeout of its send; the margin lets the expiry arrive
        long deadline = System.nanoTime() + deliveryTimeout.plusMillis(500).toNanos();
        for (int i = 0; i < payloads.size(); i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DIGEST_ENTRIES,
                    digest.entries().get(i).paperId(), payloads.get(i));
            tracePropagator.inject(Context.current(), record.headers(),
                    (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            Future<RecordMetadata> ack = producer.send(record);
            acks.add(ack);
            // a send that found no metadata within max.block.ms returns an already failed future: each further
            // send would block as long again, so stop at the first
            Optional<Exception> failed = failureOf(ack);
            if (failed.isPresent() || System.nanoTime() > deadline) {
                failure = failed.orElseGet(() -> new TimeoutException("sending took longer than " + deliveryTimeout));
                break;
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = failure == null ? (Exception) e.getCause() : failure;
            } catch (TimeoutException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
                break;
            }
        }
        if (failure != null) {
            Log.warnf("Digest %s not accepted: Kafka did not acknowledge all %d entries (%s)",
                    digest.id(), digest.entries().size(), failure.toString());
            throw new KafkaUnavailableException("Kafka did not acknowledge the digest's entries: " + failure.getMessage(),
                    failure);
        }
    }

    /**
     * The record values of the digest's entries, as {@link #publish} sends them.
     *
     * @throws DigestTooLargeException when an entry's enriched event could exceed the broker's record limit
     */
    public List<byte[]> payloads(Digest digest, Instant receivedAt) {
        List<byte[]> payloads = new ArrayList<>(digest.entries().size());
        for (Entry entry : digest.entries()) {
            payloads.add(payload(digest, entry, receivedAt));
        }
        return payloads;
    }

    private static Optional<Exception> failureOf(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return Optional.empty();
        }
        try {
            ack.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of((Exception) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(e);
        }
    }

    private byte[] payload(Digest digest, Entry entry, Instant receivedAt) {
        DigestEntryV1 event = new DigestEntryV1(DigestEntryV1.SCHEMA_VERSION, digest.id(), digest.date(),
                digest.source(), entry.position(), digest.entries().size(), entry.paperId(), entry.arxivId(),
                entry.title(), entry.abstractText(), entry.url(), receivedAt, absentIfEmpty(entry.authors()),
                absentIfEmpty(entry.categories()), entry.upvotes());
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a DigestEntryV1 always serializes", e);
        }
        long enriched = EnrichedEventSize.upperBound(entry, payload.length);
        if (enriched > maxMessageSize) {
            throw new DigestTooLargeException("Entry " + entry.position() + " (\"" + abbreviated(entry.title())
                    + "\") could grow to " + enriched + " bytes once enriched, over the broker's limit of "
                    + maxMessageSize + " bytes per event. Shorten its abstract or send fewer links in it.");
        }
        return payload;
    }

    private static String abbreviated(String title) {
        return title.length() <= 80 ? title : title.substring(0, 77) + "...";
    }

    /** The contract leaves a field out when the digest gave none, rather than sending an empty list. */
    private static List<String> absentIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    @PreDestroy
    void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
