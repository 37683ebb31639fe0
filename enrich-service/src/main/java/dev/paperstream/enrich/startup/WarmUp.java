package dev.paperstream.enrich.startup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicExample;
import dev.paperstream.enrich.messaging.EntryReader;
import dev.paperstream.enrich.messaging.PaperEventPublisher;
import dev.paperstream.enrich.persistence.CatalogStore;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.EnrichedEntry;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.events.Topics;
import dev.paperstream.http.WarmUpSteps;
import dev.paperstream.http.WarmUpSteps.Step;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

/**
 * Does at start-up what the first digest would otherwise wait for: the producers' metadata of the topics they write
 * (a first send blocks on it), the taxonomy read from the database (the first transaction, Hibernate's first query,
 * a pooled connection), a run of the enricher over the topics' own example papers and descriptions, and a rehearsal
 * of a batch made of the topics' texts and examples: read from their JSON, enriched, stored in a transaction that is
 * rolled back, and their events built. Nothing is written to the catalogue or sent. {@link WarmUpReadiness} reports the service ready
 * once it is done.
 */
@ApplicationScoped
public class WarmUp {

    /** Enough passes over the taxonomy's texts for the JIT to compile the tagger's loops, a fraction of a second. */
    private static final int ROUNDS = 5;
    private static final String DIGEST = "warm-up";
    /** The consumer's batches hold up to 500 entries; a rehearsal needs far fewer to load and run every statement. */
    private static final int MAX_BATCH = 100;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final KafkaClientService kafka;
    private final CurrentTaxonomy taxonomy;
    private final EntryReader reader;
    private final CatalogStore store;
    private final PaperEventPublisher events;
    private final WarmUpSteps steps;

    public WarmUp(KafkaClientService kafka, CurrentTaxonomy taxonomy, EntryReader reader, CatalogStore store,
            PaperEventPublisher events) {
        this.kafka = kafka;
        this.taxonomy = taxonomy;
        this.reader = reader;
        this.store = store;
        this.events = events;
        List<Step> all = new ArrayList<>();
        for (String topic : List.of(Topics.PAPERS_ENRICHED, Topics.DIGEST_ENTRIES_DLQ)) {
            all.add(Step.untilDone("fetching the metadata of " + topic, () -> producer(topic).unwrap().partitionsFor(topic)));
        }
        all.add(Step.untilDone("reading the taxonomy", taxonomy::enricher));
        all.add(Step.once("running the enricher over the topics' texts", this::enrichExamples));
        all.add(Step.once("rehearsing a batch of the topics' texts", this::rehearseBatch));
        this.steps = new WarmUpSteps("enrich-warm-up", all);
    }

    void onStart(@Observes StartupEvent start) {
        steps.start();
    }

    /** What is still being warmed up, empty once everything is. */
    public Optional<String> pending() {
        return steps.pending();
    }

    /** The rehearsals that failed and were skipped. */
    public List<String> skipped() {
        return steps.skipped();
    }

    private KafkaProducer<Object, Object> producer(String channel) {
        KafkaProducer<Object, Object> producer = kafka.getProducer(channel);
        if (producer == null) {
            throw new IllegalStateException("channel " + channel + " has no producer yet");
        }
        return producer;
    }

    private void enrichExamples() {
        Enricher enricher = taxonomy.enricher();
        for (int round = 0; round < ROUNDS; round++) {
            for (Topic topic : enricher.tagger().topics()) {
                enricher.enrich(topic.name(), topic.description());
                for (TopicExample example : topic.examples()) {
                    enricher.enrich(example.title(), example.abstractText());
                }
            }
        }
    }

    /** The consumer's path for one batch, as {@code DigestEntryConsumer} runs it, minus the sends and the commit. */
    private void rehearseBatch() {
        Enricher enricher = taxonomy.enricher();
        Map<String, String> topicNames = enricher.tagger().topicNames();
        List<Paper> papers = new ArrayList<>();
        for (Topic topic : enricher.tagger().topics()) {
            papers.add(new Paper(topic.name(), topic.description()));
            topic.examples().forEach(e -> papers.add(new Paper(e.title(), e.abstractText())));
        }
        int size = Math.min(papers.size(), MAX_BATCH);
        List<EnrichedEntry> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Paper paper = papers.get(i);
            String paperId = "warm-up-" + (i + 1);
            DigestEntryV1 entry = reader.read(paperId, toJson(new DigestEntryV1(DigestEntryV1.SCHEMA_VERSION, DIGEST,
                    LocalDate.of(2000, 1, 1), DIGEST, i + 1, size, paperId, null, paper.title(),
                    paper.abstractText(), null, Instant.now(), List.of("Ada Lovelace"), List.of("cs.LG"), 1)));
            EnrichedEntry enriched = new EnrichedEntry(entry, enricher.enrich(entry.title(), entry.abstractText()));
            events.recordBytes(CatalogStore.preview(enriched, topicNames));
            batch.add(enriched);
        }
        if (!batch.isEmpty()) {
            for (PaperEnrichedV1 event : store.rehearse(batch, topicNames)) {
                events.recordBytes(event);
            }
        }
    }

    private record Paper(String title, String abstractText) {
    }

    private String toJson(DigestEntryV1 entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a DigestEntryV1 always serializes", e);
        }
    }
}
