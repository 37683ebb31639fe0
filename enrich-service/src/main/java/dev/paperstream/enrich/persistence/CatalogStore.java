package dev.paperstream.enrich.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.http.RolledBack;
import dev.paperstream.events.PaperEnrichedV1;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a batch of enriched entries in one transaction and returns the events describing what was committed,
 * one per entry, each with the digest appearance that caused it.
 */
@ApplicationScoped
public class CatalogStore {

    private final CatalogWriter writer;
    private final PaperReader reader;
    private final TransactionManager transactions;

    public CatalogStore(CatalogWriter writer, PaperReader reader, TransactionManager transactions) {
        this.writer = writer;
        this.reader = reader;
        this.transactions = transactions;
    }

    /**
     * Commits the entries and returns their events. Entries repeating an appearance already stored (a
     * redelivery) change nothing and get the stored paper's current event again, with the same id; an entry whose
     * text the paper did not keep gets the stored paper's event at its new version.
     * <p>
     * Every batch takes its row locks in one order: its appearances, then its papers, then its digests, each set
     * sorted by key. Two batches writing the same rows at once (two instances while a partition moves between
     * them, or a redelivery while the first delivery is still in flight) then wait for each other instead of
     * deadlocking: taking locks in one order, neither can hold a row the other needs while waiting for one the other
     * holds.
     *
     * @param topicNames display names of the topics the entries were tagged with, by slug
     */
    public List<PaperEnrichedV1> store(List<EnrichedEntry> entries, Map<String, String> topicNames) {
        return QuarkusTransaction.requiringNew().call(() -> write(entries, topicNames));
    }

    /**
     * Runs what {@link #store} runs and rolls it back, returning the events a commit would have: the start-up
     * warm-up's way to run the statements and the event building once before the first entry. Nothing stays stored.
     */
    public List<PaperEnrichedV1> rehearse(List<EnrichedEntry> entries, Map<String, String> topicNames) {
        return RolledBack.call(transactions, () -> write(entries, topicNames));
    }

    private List<PaperEnrichedV1> write(List<EnrichedEntry> entries, Map<String, String> topicNames) {
        List<EnrichedEntry> distinct = distinct(entries);
        List<EnrichedEntry> fresh = writer.insertAppearances(distinct);
        List<PaperEnrichedV1> events = new ArrayList<>();
        // The first round names every paper of the batch that changes, so later rounds lock no new paper.
        for (List<EnrichedEntry> round : rounds(fresh)) {
            Map<String, StoredPaper> stored = writer.writePapers(round);
            Set<String> fromStore = new HashSet<>();
            round.stream().filter(e -> !stored.get(e.paperId()).holdsTextOf(e)).forEach(e -> fromStore.add(e.paperId()));
            Map<String, PaperEnrichedV1> current = reader.read(fromStore);
            for (EnrichedEntry e : round) {
                StoredPaper paper = stored.get(e.paperId());
                PaperEnrichedV1 event = paper.holdsTextOf(e) ? PaperEvents.of(paper, e.enrichment(), topicNames)
                        : current.get(e.paperId());
                events.add(withDigest(event, e.entry()));
            }
        }
        writer.upsertDigests(fresh);
        Set<String> freshKeys = new HashSet<>();
        fresh.forEach(e -> freshKeys.add(e.appearanceKey()));
        List<EnrichedEntry> repeated = distinct.stream().filter(e -> !freshKeys.contains(e.appearanceKey())).toList();
        Map<String, PaperEnrichedV1> current = reader.read(repeated.stream().map(EnrichedEntry::paperId).toList());
        for (EnrichedEntry e : repeated) {
            PaperEnrichedV1 event = current.get(e.paperId());
            if (event != null) {
                events.add(withDigest(event, e.entry()));
            }
        }
        return events;
    }

    /** The entries with each appearance once, the first of its repeats, in batch order. */
    static List<EnrichedEntry> distinct(List<EnrichedEntry> entries) {
        Map<String, EnrichedEntry> distinct = new LinkedHashMap<>();
        entries.forEach(e -> distinct.putIfAbsent(e.appearanceKey(), e));
        return List.copyOf(distinct.values());
    }

    /**
     * Splits entries of distinct appearances so that each round names a paper once: the same paper in two digests
     * of one batch is two successive versions, in batch order. The first round holds every paper.
     */
    static List<List<EnrichedEntry>> rounds(List<EnrichedEntry> entries) {
        List<List<EnrichedEntry>> rounds = new ArrayList<>();
        List<Set<String>> papersPerRound = new ArrayList<>();
        for (EnrichedEntry e : entries) {
            int r = 0;
            while (r < rounds.size() && papersPerRound.get(r).contains(e.paperId())) {
                r++;
            }
            if (r == rounds.size()) {
                rounds.add(new ArrayList<>());
                papersPerRound.add(new HashSet<>());
            }
            rounds.get(r).add(e);
            papersPerRound.get(r).add(e.paperId());
        }
        return rounds;
    }

    /**
     * The event an entry would get if its paper were new, for checking its size before anything is written: the
     * same text, topics, links and mentions, with the widest version number.
     */
    public static PaperEnrichedV1 preview(EnrichedEntry e, Map<String, String> topicNames) {
        DigestEntryV1 entry = e.entry();
        StoredPaper paper = new StoredPaper(entry.paperId(), entry.arxivId(), entry.title(), entry.abstractText(),
                entry.url(), entry.digestDate(), entry.digestDate(), Long.MAX_VALUE, Instant.now(), entry.authors(),
                entry.categories());
        return withDigest(PaperEvents.of(paper, e.enrichment(), topicNames), entry);
    }

    static PaperEnrichedV1 withDigest(PaperEnrichedV1 p, DigestEntryV1 entry) {
        PaperEnrichedV1.DigestRef digest = new PaperEnrichedV1.DigestRef(entry.digestId(), entry.digestDate(),
                entry.position(), entry.entryCount(), entry.upvotes());
        return new PaperEnrichedV1(p.schemaVersion(), p.paperId(), p.arxivId(), p.title(), p.abstractText(), p.url(),
                digest, p.topics(), p.links(), p.mentions(), p.firstSeen(), p.lastSeen(), p.version(), p.enrichedAt(),
                p.authors(), p.categories());
    }
}
