package dev.paperstream.enrich.persistence;

import java.util.List;
import java.util.Objects;

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

    /** The entry's author names in order, blank ones dropped; null when it carried none. */
    public List<String> authors() {
        return presentOrNull(entry.authors());
    }

    /** The entry's arXiv categories, primary first, blank ones dropped; null when it carried none. */
    public List<String> categories() {
        return presentOrNull(entry.categories());
    }

    /**
     * An empty list says no more than an absent one, so neither may replace what another appearance gave: both are
     * null here.
     */
    private static List<String> presentOrNull(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> present = values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
                .toList();
        return present.isEmpty() ? null : present;
    }
}
