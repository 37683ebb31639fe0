package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes raw entries in batches: reads and enriches each, stores the batch in one transaction, then publishes
 * the events. The method returns only when the database has committed and Kafka has acknowledged the events and
 * dead letters, and only then are the batch's offsets committed; a crash in between redelivers the batch, which
 * the upserts turn into no change. Batches run on the {@code enrich-batches} worker pool, a few at once so the
 * database computes search vectors on every core; the appearance insert that starts each transaction keeps
 * concurrent batches from applying the same appearance twice, and offsets are committed only up to the first
 * batch still in flight.
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

    @Inject
    EnrichCounters counters;

    @Inject
    BatchTracing tracing;

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
    @Blocking(value = "enrich-batches", ordered = false)
    public void consume(ConsumerRecords<String, String> records) {
        try (Scope batchSpan = tracing.start(records)) {
            enrichBatch(records);
        }
    }

    private void enrichBatch(ConsumerRecords<String, String> records) {
        List<EnrichedEntry> entries = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        Enricher enricher = withRetry("loading the taxonomy", taxonomy::enricher);
        for (ConsumerRecord<String, String> record : records) {
            try {
                DigestEntryV1 entry = reader.read(record.key(), record.value());
                entries.add(new EnrichedEntry(entry, enrich(enricher, entry)));
                sources.add(record);
            } catch (UnprocessableEntryException e) {
                dead.add(new DeadLetters.DeadLetter(record, e));
            }
        }
        Map<String, String> topicNames = new HashMap<>();
        enricher.tagger().topics().forEach(t -> topicNames.put(t.slug(), t.name()));
        List<PaperEnrichedV1> stored = storeWithRetry(entries, sources, dead, topicNames);
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
     * Stores the batch, waiting out database outages. When the database is up but the batch still fails, some
     * entry is at fault: each entry is then stored alone and the failing ones are dead letters.
     */
    private List<PaperEnrichedV1> storeWithRetry(List<EnrichedEntry> entries, List<ConsumerRecord<String, String>> sources,
            List<DeadLetters.DeadLetter> dead, Map<String, String> topicNames) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            return withRetry("storing a batch of " + entries.size() + " entries", () -> store.store(entries, topicNames));
        } catch (RuntimeException e) {
            Log.warnf("batch of %d entries failed with the database up; storing them one by one: %s", entries.size(), e);
            return storeOneByOne(entries, sources, dead, topicNames);
        }
    }

    /**
     * Runs the work, waiting out database outages with growing back-off; a failure while the database is reachable
     * is not an outage and is thrown.
     */
    private <T> T withRetry(String what, Supplier<T> work) {
        Duration backoff = initialBackoff;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (database.isReachable()) {
                    throw e;
                }
                Log.warnf("database unreachable (%s) while %s; retrying in %s", e.getMessage(), what, backoff);
                counters.retried();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private List<PaperEnrichedV1> storeOneByOne(List<EnrichedEntry> entries, List<ConsumerRecord<String, String>> sources,
            List<DeadLetters.DeadLetter> dead, Map<String, String> topicNames) {
        List<PaperEnrichedV1> stored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<EnrichedEntry> one = List.of(entries.get(i));
            try {
                stored.addAll(store.store(one, topicNames));
            } catch (RuntimeException e) {
                if (!database.isReachable()) {
                    stored.addAll(storeWithRetry(one, List.of(sources.get(i)), dead, topicNames));
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
