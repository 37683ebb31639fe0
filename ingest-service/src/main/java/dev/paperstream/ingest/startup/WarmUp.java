package dev.paperstream.ingest.startup;

import java.util.Optional;

import dev.paperstream.ingest.messaging.DigestEntryPublisher;
import dev.paperstream.ingest.persistence.DigestReceiptRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Does at start-up what the first POST would otherwise wait for: the producer's metadata of digest-entries (a first
 * send blocks on it, and the idempotent producer gets its id meanwhile) and a first receipt lookup (a pooled
 * connection, the first transaction, Hibernate's first query). Reads only. Runs beside the start-up, which it must not
 * hold up: {@link WarmUpReadiness} reports the service ready once it is done.
 */
@ApplicationScoped
public class WarmUp {

    private final DigestEntryPublisher publisher;
    private final DigestReceiptRepository receipts;
    private volatile Optional<String> pending = Optional.of("not started");

    public WarmUp(DigestEntryPublisher publisher, DigestReceiptRepository receipts) {
        this.publisher = publisher;
        this.receipts = receipts;
    }

    void onStart(@Observes StartupEvent start) {
        Thread thread = new Thread(this::run, "ingest-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** What is still being warmed up, empty once everything is. */
    public Optional<String> pending() {
        return pending;
    }

    private void run() {
        long started = System.nanoTime();
        pending = Optional.of("fetching the metadata of digest-entries");
        retryUntilDone(publisher::fetchMetadata);
        pending = Optional.of("looking a receipt up");
        // no digest has an empty id: the lookup finds nothing, it only opens the path
        retryUntilDone(() -> receipts.findEarlier("", Optional.empty()));
        pending = Optional.empty();
        Log.infof("warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Outages at start-up are waited out; until then readiness says what it waits for. */
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
