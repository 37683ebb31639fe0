package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How far a digest has got: entries ingest received (from its receipt; the digest's own entry count when no
 * receipt is readable) against papers enrich has stored for it.
 */
public record DigestProgress(String id, LocalDate date, String source, int received, int enriched, String status,
                             OffsetDateTime receivedAt, OffsetDateTime lastEnrichedAt) {

    public static final String PENDING = "pending";
    public static final String COMPLETE = "complete";

    public static DigestProgress of(String id, LocalDate date, String source, int received, int enriched,
                                    OffsetDateTime receivedAt, OffsetDateTime lastEnrichedAt) {
        String status = enriched >= received ? COMPLETE : PENDING;
        return new DigestProgress(id, date, source, received, enriched, status, receivedAt, lastEnrichedAt);
    }
}
