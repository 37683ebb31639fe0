package dev.paperstream.events;

/** Kafka topic names: the one place they are spelled. */
public final class Topics {

    /** Raw entries published by the ingest service, keyed by paper id. */
    public static final String DIGEST_ENTRIES = "digest-entries";

    /** Entries the enrich service could not process, with the reason in headers. */
    public static final String DIGEST_ENTRIES_DLQ = "digest-entries-dlq";

    /** Enriched papers published by the enrich service after its database commit, keyed by paper id. */
    public static final String PAPERS_ENRICHED = "papers-enriched";

    private Topics() {
    }
}
