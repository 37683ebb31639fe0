package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.persistence.CatalogStore;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.DatabaseProbe;
import dev.paperstream.enrich.persistence.EnrichedEntry;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.PaperEnrichedV1;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes raw entries in batches: reads and enriches each, stores the batch in one transaction, publishes the
 * events, then commits the batch's offsets. The offsets are committed only once the database has committed and
 * Kafka has acknowledged the events and dead letters; a crash in between redelivers the batch, which the upserts
 * turn into no change. Batches run on the {@code enrich-batches} worker pool, a few at once so the database computes
 * search vectors on every core; the appearance insert that starts each transaction keeps concurrent batches from
 * applying the same appearance twice, and offsets are committed only up to the first batch still in flight
 * ({@link OffsetCommits}).
 * <p>
 * The method never throws while the service runs, so the channel never fails: an entry's own work is bounded by
 * {@link EntryWorkers} (anything it throws, or a timeout, makes it a dead letter), and every database and broker
 * call, the offset commit included, goes through {@link DependencyRetry}, which waits out outages for as long as
 * they last.
 */
@ApplicationScoped
public class DigestEntryConsumer {

    private static final String DATABASE_DOWN = "database unavailable";
    private static final String KAFKA_DOWN = "Kafka unavailable";

    private final EntryReader reader;
    private final CurrentTaxonomy taxonomy;
    private final CatalogStore store;
    private final DatabaseProbe database;
    private final PaperEventPublisher events;
    private final DeadLetters deadLetters;
    private final EntryWorkers workers;
    private final DependencyRetry retry;
    private final ConsumerProgress progress;
    private final OffsetCommits offsets;
    private final Duration ackTimeout;

    @Inject
    EnrichCounters counters;

    @Inject
    BatchTracing tracing;

    public DigestEntryConsumer(EntryReader reader, CurrentTaxonomy taxonomy, CatalogStore store, DatabaseProbe database,
            PaperEventPublisher events, DeadLetters deadLetters, EntryWorkers workers, DependencyRetry retry,
            ConsumerProgress progress, @Identifier(OffsetCommits.STRATEGY) OffsetCommits offsets,
            @ConfigProperty(name = "paperstream.enrich.kafka.ack-timeout") Duration ackTimeout) {
        this.reader = reader;
        this.taxonomy = taxonomy;
        this.store = store;
        this.database = database;
        this.events = events;
        this.deadLetters = deadLetters;
        this.workers = workers;
        this.retry = retry;
        this.progress = progress;
        this.offsets = offsets;
        this.ackTimeout = ackTimeout;
    }

    /** An entry read and enriched, with the record it came from. */
    private record Prepared(EnrichedEntry entry, ConsumerRecord<String, String> source) {
    }

    @Incoming("digest-entries")
    @Blocking(value = "enrich-batches", ordered = false)
    public void consume(ConsumerRecords<String, String> records) {
        try (Scope batchSpan = tracing.start(records); ConsumerProgress.Batch batch = progress.start()) {
            // No entry is to blame when the taxonomy cannot be read, so every failure of it is waited out.
            Enricher enricher = retry.call(batch, "reading the taxonomy",
                    e -> database.isOutage(e) ? DATABASE_DOWN : "taxonomy unreadable", taxonomy::enricher);
            Map<String, String> topicNames = enricher.tagger().topicNames();
            List<Prepared> prepared = new ArrayList<>();
            List<DeadLetters.DeadLetter> dead = new ArrayList<>();
            List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.count());
            records.forEach(sources::add);
            List<EntryWorkers.Outcome<EnrichedEntry>> outcomes = workers.runAll(sources, DigestEntryConsumer::describe,
                    record -> {
                        batch.step("enriching " + describe(record));
                        return prepare(record, enricher, topicNames);
                    });
            for (int i = 0; i < sources.size(); i++) {
                EntryWorkers.Outcome<EnrichedEntry> outcome = outcomes.get(i);
                if (outcome.failure() == null) {
                    prepared.add(new Prepared(outcome.value(), sources.get(i)));
                } else {
                    dead.add(new DeadLetters.DeadLetter(sources.get(i), outcome.failure()));
                }
            }
            List<Stored> stored = store(batch, prepared, dead, topicNames);
            publish(batch, stored, dead);
            sendDeadLetters(batch, dead);
            offsets.done(records);
            retry.call(batch, "committing offsets", e -> KAFKA_DOWN, () -> {
                offsets.commit();
                return null;
            });
        }
    }

    /** Everything about one entry that depends on the entry alone; runs under {@link EntryWorkers}' deadline. */
    private EnrichedEntry prepare(ConsumerRecord<String, String> record, Enricher enricher, Map<String, String> topicNames) {
        DigestEntryV1 entry = reader.read(record.key(), record.value());
        EnrichedEntry enriched = new EnrichedEntry(entry, enricher.enrich(entry.title(), entry.abstractText()));
        int bytes = events.recordBytes(CatalogStore.preview(enriched, topicNames));
        if (bytes > events.maxRecordBytes()) {
            throw new UnprocessableEntryException("event-too-large: its event would take " + bytes
                    + " bytes, over the limit of " + events.maxRecordBytes());
        }
        return enriched;
    }

    /** A committed event and the record that caused it. */
    private record Stored(PaperEnrichedV1 event, ConsumerRecord<String, String> source) {
    }

    /**
     * Stores the batch, waiting out database outages. When the database is up but the batch still fails, some
     * entry is at fault: each entry is then stored alone and the failing ones are dead letters.
     */
    private List<Stored> store(ConsumerProgress.Batch batch, List<Prepared> prepared, List<DeadLetters.DeadLetter> dead,
            Map<String, String> topicNames) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        try {
            return storeAll(batch, "storing a batch of " + prepared.size() + " entries", prepared, topicNames);
        } catch (DependencyRetry.ShuttingDown e) {
            throw e;
        } catch (RuntimeException | Error e) {
            Log.warnf("batch of %d entries failed with the database up; storing them one by one: %s", prepared.size(),
                    Causes.root(e));
        }
        List<Stored> stored = new ArrayList<>();
        for (Prepared one : prepared) {
            try {
                stored.addAll(storeAll(batch, "storing " + describe(one.source()), List.of(one), topicNames));
            } catch (DependencyRetry.ShuttingDown e) {
                throw e;
            } catch (RuntimeException | Error e) {
                dead.add(new DeadLetters.DeadLetter(one.source(),
                        new UnprocessableEntryException("could not be stored: " + Causes.root(e), e)));
            }
        }
        return stored;
    }

    private List<Stored> storeAll(ConsumerProgress.Batch batch, String what, List<Prepared> prepared,
            Map<String, String> topicNames) {
        List<EnrichedEntry> entries = prepared.stream().map(Prepared::entry).toList();
        List<PaperEnrichedV1> committed = retry.call(batch, what, e -> database.isOutage(e) ? DATABASE_DOWN : null,
                () -> store.store(entries, topicNames));
        Map<String, ConsumerRecord<String, String>> sources = new HashMap<>();
        prepared.forEach(p -> sources.putIfAbsent(appearance(p.entry().entry().digestId(), p.entry().paperId()), p.source()));
        return committed.stream()
                .map(e -> new Stored(e, sources.get(appearance(e.digest().id(), e.paperId()))))
                .toList();
    }

    /**
     * Publishes the committed events, sending again those Kafka did not acknowledge until it does. An event Kafka
     * refuses outright cannot be announced by any retry; its entry joins the dead letters (its row stays stored).
     */
    private void publish(ConsumerProgress.Batch batch, List<Stored> stored, List<DeadLetters.DeadLetter> dead) {
        List<Stored> pending = new ArrayList<>(stored);
        retry.call(batch, "publishing " + stored.size() + " events", e -> e instanceof Unacknowledged ? KAFKA_DOWN : null, () -> {
            List<Throwable> failures = events.trySend(pending.stream().map(Stored::event).toList(), ackTimeout,
                    batch::waitingFor);
            List<Stored> again = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                Throwable failure = failures.get(i);
                if (failure == null) {
                    counters.enriched(1);
                    continue;
                }
                if (Acknowledged.isRejected(failure)) {
                    dead.add(new DeadLetters.DeadLetter(pending.get(i).source(), new UnprocessableEntryException(
                            "event-rejected: Kafka refused the stored paper's event: " + Causes.root(failure), failure)));
                } else {
                    again.add(pending.get(i));
                }
            }
            pending.clear();
            pending.addAll(again);
            if (!again.isEmpty()) {
                throw new Unacknowledged(again.size(), failures.stream().filter(f -> f != null).findFirst().orElseThrow());
            }
            return null;
        });
    }

    private void sendDeadLetters(ConsumerProgress.Batch batch, List<DeadLetters.DeadLetter> dead) {
        List<DeadLetters.DeadLetter> pending = new ArrayList<>(dead);
        retry.call(batch, "sending " + dead.size() + " dead letters", e -> e instanceof Unacknowledged ? KAFKA_DOWN : null, () -> {
            List<Throwable> failures = deadLetters.trySend(pending, ackTimeout, batch::waitingFor);
            List<DeadLetters.DeadLetter> again = new ArrayList<>();
            for (int i = 0; i < failures.size(); i++) {
                Throwable failure = failures.get(i);
                if (failure != null) {
                    again.add(Acknowledged.isRejected(failure) ? pending.get(i).withoutValue() : pending.get(i));
                }
            }
            pending.clear();
            pending.addAll(again);
            if (!again.isEmpty()) {
                throw new Unacknowledged(again.size(), failures.stream().filter(f -> f != null).findFirst().orElseThrow());
            }
            return null;
        });
    }

    /** Some records were not acknowledged by Kafka and are to be sent again. */
    private static final class Unacknowledged extends RuntimeException {
        Unacknowledged(int count, Throwable first) {
            super(count + " records not acknowledged", first);
        }
    }

    private static String appearance(String digestId, String paperId) {
        return digestId + "\u0000" + paperId;
    }

    private static String describe(ConsumerRecord<String, String> record) {
        String key = record.key() == null || record.key().length() <= 80 ? record.key() : record.key().substring(0, 80) + "…";
        return "entry " + key + " (partition " + record.partition() + ", offset " + record.offset() + ")";
    }
}
