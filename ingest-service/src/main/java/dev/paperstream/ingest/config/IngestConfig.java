package dev.paperstream.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits and Kafka timeouts of digest intake, under {@code paperstream.ingest.*}. */
@ConfigMapping(prefix = "paperstream.ingest")
public interface IngestConfig {

    /** Largest body accepted; larger ones get 413. */
    @WithDefault("5M")
    MemorySize maxBodySize();

    /**
     * Most body bytes of digests worked on at once, at least {@code max-body-size}; a POST that does not fit waits,
     * unread, up to {@code in-flight-wait}, then gets 503. Parsing and publishing take several times a body's size in
     * heap.
     */
    @WithDefault("5M")
    MemorySize maxBytesInFlight();

    /** How long a POST waits for digests in flight to make room before it is answered 503. */
    @WithDefault("10s")
    Duration inFlightWait();

    /** Most entries one digest may hold (before duplicates are dropped); more get 413. */
    @WithDefault("5000")
    int maxEntries();

    /**
     * Largest record the broker takes (its {@code message.max.bytes}, the producer's {@code max.request.size}); an
     * entry whose enriched event could be larger is refused with 413 before anything is published.
     */
    @WithDefault("1M")
    MemorySize maxMessageSize();

    /**
     * How much of a body declared over {@code max-body-size} is read and discarded before the 413 is sent, so a
     * client that writes its whole body before reading still reads the refusal. Larger bodies are cut off.
     */
    @WithDefault("32M")
    MemorySize refusedBodyDrain();

    /** What a 503 tells the client to wait before retrying. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Partitions of digest-entries when this service creates the topic. */
    @WithDefault("3")
    int topicPartitions();

    Publish publish();
    /**
     * Kafka producer timeouts. Together they bound a POST while Kafka is unreachable: {@code max-block} for a send
     * that has no metadata yet, {@code delivery-timeout} for a record sent but never acknowledged.
     */
    interface Publish {
        @WithDefault("1s")
        Duration maxBlock();

        @WithDefault("1500ms")
        Duration requestTimeout();

        @WithDefault("3s")
        Duration deliveryTimeout();

        @WithDefault("5ms")
        Duration linger();

        @WithDefault("131072")
        int batchSize();
    }
}
