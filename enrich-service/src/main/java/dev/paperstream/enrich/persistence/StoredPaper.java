package dev.paperstream.enrich.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A paper row as the upsert left it; authors and categories are null when no appearance gave them. */
public record StoredPaper(String id, String arxivId, String title, String abstractText, String url,
        LocalDate firstSeen, LocalDate lastSeen, long version, Instant updatedAt, List<String> authors,
        List<String> categories) {

    /** Whether the row holds this entry's text, so the entry's topics, links and mentions describe it. */
    public boolean holdsTextOf(EnrichedEntry entry) {
        return Objects.equals(title, entry.entry().title()) && Objects.equals(abstractText, entry.entry().abstractText());
    }
}
