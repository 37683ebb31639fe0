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

    /** Most entries one digest may hold (before duplicates are dropped); more get 413. */
    @WithDefault("5000")
    int maxEntries();

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
