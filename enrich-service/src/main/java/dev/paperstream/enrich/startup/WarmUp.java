package dev.paperstream.enrich.startup;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicExample;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.events.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;

/**
 * Does at start-up what the first digest would otherwise wait for: the producers' metadata of the topics they write
 * (a first send blocks on it), the taxonomy read from the database (the first transaction, Hibernate's first query,
 * a pooled connection) and a run of the enricher over the topics' own example papers and descriptions, so its code
 * is loaded and interpreted once before an entry needs it. Nothing is written anywhere. Runs beside the start-up,
 * which it must not hold up: {@link WarmUpReadiness} reports the service ready once it is done.
 */
@ApplicationScoped
public class WarmUp {

    private static final List<String> PRODUCED = List.of(Topics.PAPERS_ENRICHED, Topics.DIGEST_ENTRIES_DLQ);
    /** Enough passes over the taxonomy's texts for the JIT to compile the tagger's loops, a fraction of a second. */
    private static final int ROUNDS = 5;

    private final KafkaClientService kafka;
    private final CurrentTaxonomy taxonomy;
    private volatile Optional<String> pending = Optional.of("not started");

    public WarmUp(KafkaClientService kafka, CurrentTaxonomy taxonomy) {
        this.kafka = kafka;
        this.taxonomy = taxonomy;
    }

    void onStart(@Observes StartupEvent start) {
        Thread thread = new Thread(this::run, "enrich-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** What is still being warmed up, empty once everything is. */
    public Optional<String> pending() {
        return pending;
    }

    private void run() {
        long started = System.nanoTime();
        for (String topic : PRODUCED) {
            pending = Optional.of("fetching the metadata of " + topic);
            retryUntilDone(() -> producer(topic).unwrap().partitionsFor(topic));
        }
        pending = Optional.of("reading the taxonomy and running the enricher once");
        retryUntilDone(this::enrichExamples);
        pending = Optional.empty();
        Log.infof("warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
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

    /** Outages at start-up are waited out: the consumer waits for the same database and broker. */
    private static void retryUntilDone(Runnable step) {
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                Log.debugf("warm-up step failed, trying again: %s", e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
