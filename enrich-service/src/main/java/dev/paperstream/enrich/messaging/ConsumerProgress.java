package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the consumer is doing now, for the health checks: the batches in flight, the step each is on, when it last
 * got anywhere, and whether it is waiting out an outage. Waiting for a dependency that is down is not a stall (a
 * restart would not bring the dependency back), so each retry counts as a heartbeat; work that makes no progress
 * for long, with records in hand, is a stall.
 */
@ApplicationScoped
public class ConsumerProgress {

    private final ConcurrentHashMap<Long, Batch> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong batchIds = new AtomicLong();

    /** One batch being processed; close it when the consumer method returns. */
    public final class Batch implements AutoCloseable {

        private final long id = batchIds.incrementAndGet();
        private volatile String step = "starting";
        private volatile Instant stepSince = Instant.now();
        private volatile Instant lastProgress = Instant.now();
        private volatile String outage;
        private volatile Instant outageSince;

        /** The step the batch starts now (e.g. an entry being enriched); counts as progress. */
        public void step(String description) {
            Instant now = Instant.now();
            step = description;
            stepSince = now;
            lastProgress = now;
            outage = null;
            outageSince = null;
        }

        /** The batch waits for a dependency that is down and will try again: alive, not ready. */
        public void waitingFor(String dependencyState) {
            Instant now = Instant.now();
            if (outage == null) {
                outageSince = now;
            }
            outage = dependencyState;
            lastProgress = now;
        }

        @Override
        public void close() {
            inFlight.remove(id);
        }
    }

    /** A batch with no progress for too long, or one waiting out an outage. */
    public record Trouble(String description, boolean stalled) {
    }

    public Batch start() {
        Batch batch = new Batch();
        inFlight.put(batch.id, batch);
        return batch;
    }

    public int batchesInFlight() {
        return inFlight.size();
    }

    /** The first batch that has made no progress for {@code stallAfter} while not waiting out an outage. */
    public Optional<Trouble> stall(Duration stallAfter) {
        Instant limit = Instant.now().minus(stallAfter);
        return inFlight.values().stream()
                .filter(b -> b.outage == null && b.lastProgress.isBefore(limit))
                .findFirst()
                .map(b -> new Trouble("stalled on " + b.step + " since " + b.stepSince, true));
    }

    /** Every batch waiting out an outage, each with what it is waiting for and since when. */
    public List<Trouble> outages() {
        return inFlight.values().stream()
                .filter(b -> b.outage != null)
                .map(b -> new Trouble(b.outage + " since " + b.outageSince + ", retrying (" + b.step + ")", false))
                .toList();
    }
}
