package dev.paperstream.enrich.persistence;

import dev.paperstream.enrich.domain.Enrichment;
import dev.paperstream.events.DigestEntryV1;

/** A raw entry with what enrichment found in it, ready to be stored. */
public record EnrichedEntry(DigestEntryV1 entry, Enrichment enrichment) {

    public String paperId() {
        return entry.paperId();
    }

    public String appearanceKey() {
        return entry.digestId() + "\u0000" + entry.paperId();
    }
}
