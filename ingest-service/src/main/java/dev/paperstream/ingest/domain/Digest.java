package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A digest ready to publish: its id, date, source and entries with paper ids, each paper once.
 *
 * @param duplicates how many entries were dropped because an earlier entry of the digest was the same paper
 */
public record Digest(String id, LocalDate date, String source, List<Entry> entries, int duplicates) {

    /** Longer titles are not titles: most likely a whole abstract pasted into the wrong field. */
    public static final int MAX_TITLE_LENGTH = 1_000;
    /** Keeps every entry well under Kafka's default 1 MB record limit. */
    public static final int MAX_ABSTRACT_LENGTH = 100_000;

    public Digest {
        entries = List.copyOf(entries);
    }

    /** Each entry's aliases with the paper id it was given, for the next digest to find. */
    public Map<String, String> paperIdsByAlias() {
        Map<String, String> ids = new HashMap<>();
        for (Entry entry : entries) {
            for (String alias : PaperIdentity.aliases(entry.arxivId(), entry.title())) {
                ids.putIfAbsent(alias, entry.paperId());
            }
        }
        return ids;
    }

    /**
     * Gives each entry its paper id and position, drops later entries of a paper already seen, and derives the
     * digest id from the key when there is one, else from the content.
     *
     * @param knownIds the paper ids earlier digests gave to the entries' aliases ({@link PaperIdentity#aliases})
     */
    public static Digest assemble(ParsedDigest parsed, LocalDate date, String source, Optional<String> idempotencyKey,
            Map<String, String> knownIds) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> ids = new HashMap<>(knownIds);
        int index = 0;
        for (ParsedEntry parsedEntry : parsed.entries()) {
            index++;
            check(parsedEntry, index);
            List<String> aliases = PaperIdentity.aliases(parsedEntry.arxivId(), parsedEntry.title());
            String paperId = PaperIdentity.paperId(parsedEntry.arxivId(), aliases, ids);
            aliases.forEach(alias -> ids.putIfAbsent(alias, paperId));
            if (seen.add(paperId)) {
                entries.add(new Entry(entries.size() + 1, paperId, parsedEntry.arxivId(), parsedEntry.title(),
                        parsedEntry.abstractText(), parsedEntry.url(), parsedEntry.authors(),
                        parsedEntry.categories(), parsedEntry.upvotes()));
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidDigestException("The digest holds no entry.");
        }
        String id = idempotencyKey.map(DigestIdentity::fromIdempotencyKey)
                .orElseGet(() -> DigestIdentity.fromContent(date, entries));
        return new Digest(id, date, source, entries, parsed.entries().size() - entries.size());
    }

    private static void check(ParsedEntry entry, int index) {
        if (entry.title() == null || entry.title().isBlank()) {
            throw new InvalidDigestException("Entry " + index + " has no title.");
        }
        if (entry.title().length() > MAX_TITLE_LENGTH) {
            throw new InvalidDigestException("Entry " + index + " has a title of " + entry.title().length()
                    + " characters; the limit is " + MAX_TITLE_LENGTH + ".");
        }
        if (entry.abstractText().length() > MAX_ABSTRACT_LENGTH) {
            throw new InvalidDigestException("Entry " + index + " (\"" + abbreviated(entry.title())
                    + "\") has an abstract of " + entry.abstractText().length() + " characters; the limit is "
                    + MAX_ABSTRACT_LENGTH + ".");
        }
    }

    private static String abbreviated(String title) {
        return title.length() <= 80 ? title : title.substring(0, 77) + "...";
    }
}
