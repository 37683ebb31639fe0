package dev.paperstream.events;

import java.util.Map;

/** Kafka topic names and the topic settings the pipeline relies on: the one place they are spelled. */
public final class Topics {

    /** Raw entries published by the ingest service, keyed by paper id. */
    public static final String DIGEST_ENTRIES = "digest-entries";

    /** Entries the enrich service could not process, with the reason in headers. */
    public static final String DIGEST_ENTRIES_DLQ = "digest-entries-dlq";

    /** Enriched papers published by the enrich service after its database commit, keyed by paper id. */
    public static final String PAPERS_ENRICHED = "papers-enriched";

    /**
     * Settings a topic must be created with. {@value #PAPERS_ENRICHED} carries the broker's append time on every
     * record: query-service's live stream orders and resumes by record timestamps across partitions, and enrich's
     * own timestamps (a batch's commit time, shared by records of several partitions) would let a resume skip one.
     */
    public static Map<String, String> configOf(String topic) {
        return PAPERS_ENRICHED.equals(topic) ? Map.of("message.timestamp.type", "LogAppendTime") : Map.of();
    }

    private Topics() {
    }
}
