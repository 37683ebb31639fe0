package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.Enrichment;
import dev.paperstream.enrich.persistence.CatalogStore;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.DatabaseProbe;
import dev.paperstream.enrich.persistence.EnrichedEntry;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.PaperEnrichedV1;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes raw entries in batches: reads and enriches each, stores the batch in one transaction, then publishes
 * the events. The method returns only when the database has committed and Kafka has acknowledged the events and
 * dead letters, and only then are the batch's offsets committed; a crash in between redelivers the batch, which
 * the upserts turn into no change.
 */
@ApplicationScoped
public class DigestEntryConsumer {

    private final EntryReader reader;
    private final CurrentTaxonomy taxonomy;
    private final CatalogStore store;
    private final DatabaseProbe database;
    private final PaperEventPublisher events;
    private final DeadLetters deadLetters;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public DigestEntryConsumer(EntryReader reader, CurrentTaxonomy taxonomy, CatalogStore store, DatabaseProbe database,
            PaperEventPublisher events, DeadLetters deadLetters,
            @ConfigProperty(name = "paperstream.enrich.retry.initial-backoff") Duration initialBackoff,
            @ConfigProperty(name = "paperstream.enrich.retry.max-backoff") Duration maxBackoff) {
        this.reader = reader;
        this.taxonomy = taxonomy;
        this.store = store;
        this.database = database;
        this.events = events;
        this.deadLetters = deadLetters;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Incoming("digest-entries")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<EnrichedEntry> entries = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        Enricher enricher = taxonomy.enricher();
        for (ConsumerRecord<String, String> record : records) {
            try {
                DigestEntryV1 entry = reader.read(record.key(), record.value());
                entries.add(new EnrichedEntry(entry, enrich(enricher, entry)));
                sources.add(record);
            } catch (UnprocessableEntryException e) {
                dead.add(new DeadLetters.DeadLetter(record, e));
            }
        }
        List<PaperEnrichedV1> stored = storeWithRetry(entries, sources, dead);
        events.publish(stored);
        deadLetters.send(dead);
    }

    private static Enrichment enrich(Enricher enricher, DigestEntryV1 entry) {
        try {
            return enricher.enrich(entry.title(), entry.abstractText());
        } catch (RuntimeException e) {
            throw new UnprocessableEntryException("enrichment failed: " + e, e);
        }
    }

    /**
     * Stores the batch, waiting out database outages with growing back-off. When the database is up but the
     * batch still fails, some entry is at fault: each entry is then stored alone and the failing ones are dead
     * letters.
     */
    private List<PaperEnrichedV1> storeWithRetry(List<EnrichedEntry> entries, List<ConsumerRecord<String, String>> sources,
            List<DeadLetters.DeadLetter> dead) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Duration backoff = initialBackoff;
        while (true) {
            try {
                return store.store(entries);
            } catch (RuntimeException e) {
                if (database.isReachable()) {
                    Log.warnf("batch of %d entries failed with the database up; storing them one by one: %s",
                            entries.size(), e);
                    return storeOneByOne(entries, sources, dead);
                }
                Log.warnf("database unreachable (%s); retrying the batch of %d entries in %s", e.getMessage(),
                        entries.size(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private List<PaperEnrichedV1> storeOneByOne(List<EnrichedEntry> entries, List<ConsumerRecord<String, String>> sources,
            List<DeadLetters.DeadLetter> dead) {
        List<PaperEnrichedV1> stored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<EnrichedEntry> one = List.of(entries.get(i));
            try {
                stored.addAll(store.store(one));
            } catch (RuntimeException e) {
                if (!database.isReachable()) {
                    stored.addAll(storeWithRetry(one, List.of(sources.get(i)), dead));
                } else {
                    dead.add(new DeadLetters.DeadLetter(sources.get(i),
                            new UnprocessableEntryException("could not be stored: " + rootMessage(e), e)));
                }
            }
        }
        return stored;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
