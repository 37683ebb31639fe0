package dev.paperstream.enrich.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.messaging.PaperEventPublisher;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.PaperRetagger;
import io.quarkus.logging.Log;

/**
 * Runs one re-tag of all stored papers at a time, in the background, page by page: each page commits, then the
 * changed papers are published as new versions (without a digest reference). Progress is kept for the last run.
 */
@ApplicationScoped
public class Retagging {

    private static final int PAGE_SIZE = 500;

    /** What a re-tag run has done so far. */
    public record Progress(String id, String status, long total, long done, long changed, Instant startedAt,
            Instant finishedAt, String error) {

        public boolean running() {
            return "running".equals(status);
        }
    }

    private final PaperRetagger retagger;
    private final CurrentTaxonomy taxonomy;
    private final PaperEventPublisher events;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "retag"));
    private final AtomicReference<Progress> last = new AtomicReference<>();

    public Retagging(PaperRetagger retagger, CurrentTaxonomy taxonomy, PaperEventPublisher events) {
        this.retagger = retagger;
        this.taxonomy = taxonomy;
        this.events = events;
    }

    /** Starts a run, or returns empty when one is already running. */
    public Optional<Progress> start() {
        return start(() -> { });
    }

    /** Starts a run that calls {@code onCompleted} once it has re-tagged every paper; empty when one is running. */
    public synchronized Optional<Progress> start(Runnable onCompleted) {
        Progress current = last.get();
        if (current != null && current.running()) {
            return Optional.empty();
        }
        Progress started = new Progress(UUID.randomUUID().toString(), "running", retagger.paperCount(), 0, 0,
                Instant.now(), null, null);
        last.set(started);
        Enricher enricher = taxonomy.enricher();
        executor.submit(() -> run(started, enricher, onCompleted));
        return Optional.of(started);
    }

    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(last.get()).filter(p -> p.id().equals(id));
    }

    public Optional<Progress> current() {
        return Optional.ofNullable(last.get());
    }

    private void run(Progress started, Enricher enricher, Runnable onCompleted) {
        Progress p = started;
        try {
            String after = "";
            while (true) {
                PaperRetagger.Page page = retagger.retag(after, PAGE_SIZE, enricher);
                if (page.papers() == 0) {
                    break;
                }
                events.publish(page.changed());
                after = page.lastId();
                p = new Progress(p.id(), p.status(), Math.max(p.total(), p.done() + page.papers()),
                        p.done() + page.papers(), p.changed() + page.changed().size(), p.startedAt(), null, null);
                last.set(p);
            }
            onCompleted.run();
            last.set(new Progress(p.id(), "completed", p.done(), p.done(), p.changed(), p.startedAt(), Instant.now(), null));
            Log.infof("re-tag %s completed: %d papers, %d changed", p.id(), p.done(), p.changed());
        } catch (RuntimeException e) {
            Log.errorf(e, "re-tag %s failed", p.id());
            last.set(new Progress(p.id(), "failed", p.total(), p.done(), p.changed(), p.startedAt(), Instant.now(),
                    String.valueOf(e.getMessage())));
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
