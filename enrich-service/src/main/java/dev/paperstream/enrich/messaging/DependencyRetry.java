package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.paperstream.enrich.persistence.DatabaseProbe;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The one retry every database and broker call on the consumer's path goes through: exponential back-off from
 * {@code initial-backoff} doubling up to {@code max-backoff}, for as long as the dependency is down, until the
 * service shuts down. Nothing is given up on while the service runs: the batch's offsets stay uncommitted, so
 * nothing is lost, and the upserts make the eventual success change nothing twice. Each wait is reported to
 * {@link ConsumerProgress}, which keeps liveness UP (a restart would not bring the dependency back) and readiness
 * DOWN with the reason.
 * <p>
 * A transaction PostgreSQL rolled back for a conflict with a concurrent one (deadlock victim, serialization
 * failure) is no outage: the whole call, which is the whole transaction, runs again after a short random pause
 * (growing from {@code conflict-backoff}, so two colliding batches do not collide again in step), and readiness
 * stays UP.
 */
@ApplicationScoped
public class DependencyRetry {

    /** Thrown instead of retrying once the service is shutting down; the batch is then redelivered after restart. */
    public static final class ShuttingDown extends RuntimeException {
        ShuttingDown(String what) {
            super("shutting down while " + what);
        }
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration conflictBackoff;
    private final EnrichCounters counters;
    private volatile boolean shuttingDown;

    public DependencyRetry(@ConfigProperty(name = "paperstream.enrich.retry.initial-backoff") Duration initialBackoff,
            @ConfigProperty(name = "paperstream.enrich.retry.max-backoff") Duration maxBackoff,
            @ConfigProperty(name = "paperstream.enrich.retry.conflict-backoff") Duration conflictBackoff,
            EnrichCounters counters) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.conflictBackoff = conflictBackoff;
        this.counters = counters;
    }

    void stopRetrying(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * Runs {@code work}, retrying while {@code outage} names the dependency its failure shows to be down (as
     * readiness reports it, e.g. "database unavailable"), and whenever it fails for a transaction conflict; any
     * other failure, one {@code outage} returns null for, is thrown at once.
     */
    public <T> T call(ConsumerProgress.Batch batch, String what, Function<Throwable, String> outage, Supplier<T> work) {
        batch.step(what);
        Duration backoff = initialBackoff;
        Duration conflictPause = conflictBackoff;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                boolean conflict = DatabaseProbe.isConflict(e);
                String dependency = conflict ? null : outage.apply(e);
                if (!conflict && dependency == null) {
                    throw e;
                }
                if (shuttingDown) {
                    throw new ShuttingDown(what);
                }
                if (conflict) {
                    Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextLong(conflictPause.toMillis() + 1));
                    Log.infof("transaction conflict while %s; running it again in %s: %s", what, pause, Causes.root(e));
                    counters.conflictRetried();
                    batch.step(what + " (again after a transaction conflict)");
                    sleep(pause, what);
                    conflictPause = doubled(conflictPause);
                    continue;
                }
                batch.waitingFor(dependency + " (" + Causes.root(e) + ")");
                Log.warnf("%s while %s; retrying in %s: %s", dependency, what, backoff, Causes.root(e));
                counters.retried();
                sleep(backoff, what);
                backoff = doubled(backoff);
            }
        }
    }

    private Duration doubled(Duration backoff) {
        return backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }

    private static void sleep(Duration duration, String what) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDown(what);
        }
    }
}
