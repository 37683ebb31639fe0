package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link DigestParser} read from a body: the entries in order, and the date and source when the body
 * itself says them.
 */
public record ParsedDigest(Optional<LocalDate> date, Optional<String> source, List<ParsedEntry> entries) {

    public ParsedDigest {
        entries = List.copyOf(entries);
    }
}
