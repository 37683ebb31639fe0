package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The one retry every database and broker call on the consumer's path goes through: exponential back-off from
 * {@code initial-backoff} doubling up to {@code max-backoff}, for as long as the dependency is down, until the
 * service shuts down. Nothing is given up on while the service runs: the batch's offsets stay uncommitted, so
 * nothing is lost, and the upserts make the eventual success change nothing twice. Each wait is reported to
 * {@link ConsumerProgress}, which keeps liveness UP (a restart would not bring the dependency back) and readiness
 * DOWN with the reason.
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
    private final EnrichCounters counters;
    private volatile boolean shuttingDown;

    public DependencyRetry(@ConfigProperty(name = "paperstream.enrich.retry.initial-backoff") Duration initialBackoff,
            @ConfigProperty(name = "paperstream.enrich.retry.max-backoff") Duration maxBackoff, EnrichCounters counters) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.counters = counters;
    }

    void stopRetrying(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * Runs {@code work}, retrying while {@code outage} names the dependency its failure shows to be down (as
     * readiness reports it, e.g. "database unavailable"); a failure it returns null for is thrown at once.
     */
    public <T> T call(ConsumerProgress.Batch batch, String what, Function<Throwable, String> outage, Supplier<T> work) {
        batch.step(what);
        Duration backoff = initialBackoff;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                String dependency = outage.apply(e);
                if (dependency == null) {
                    throw e;
                }
                if (shuttingDown) {
                    throw new ShuttingDown(what);
                }
                batch.waitingFor(dependency + " (" + Causes.root(e) + ")");
                Log.warnf("%s while %s; retrying in %s: %s", dependency, what, backoff, Causes.root(e));
                counters.retried();
                sleep(backoff, what);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
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
