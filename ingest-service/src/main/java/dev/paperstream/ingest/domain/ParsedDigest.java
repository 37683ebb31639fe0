package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link DigestParser} read from a body: the entries in order, the date and source when the body itself says
 * them, and the lines of a page it could not place in an entry.
 */
public record ParsedDigest(Optional<LocalDate> date, Optional<String> source, List<ParsedEntry> entries,
        List<UnplacedLines> unplaced) {

    public ParsedDigest {
        entries = List.copyOf(entries);
        unplaced = List.copyOf(unplaced);
    }

    /** A digest whose format leaves nothing unplaced: every entry is delimited by the format itself. */
    public ParsedDigest(Optional<LocalDate> date, Optional<String> source, List<ParsedEntry> entries) {
        this(date, source, entries, List.of());
    }

    /** Every alias its entries' papers may already be known by ({@link PaperIdentity#aliases}). */
    public Set<String> paperAliases() {
        Set<String> aliases = new HashSet<>();
        entries.forEach(e -> aliases.addAll(PaperIdentity.aliases(e.arxivId(), e.title())));
        return aliases;
    }
}
