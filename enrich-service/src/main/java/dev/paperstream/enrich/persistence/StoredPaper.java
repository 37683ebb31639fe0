package dev.paperstream.enrich.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A paper row as the upsert left it. */
public record StoredPaper(String id, String arxivId, String title, String abstractText, String url,
        LocalDate firstSeen, LocalDate lastSeen, long version, Instant updatedAt) {
}
