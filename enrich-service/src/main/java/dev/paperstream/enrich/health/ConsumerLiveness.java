package dev.paperstream.enrich.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.paperstream.enrich.messaging.ConsumerProgress;
import dev.paperstream.enrich.messaging.EntryWorkers;

/**
 * DOWN when restarting the service is the cure: a batch in hand that has made no progress for
 * {@code paperstream.enrich.liveness.stall-after} without waiting out an outage (a call that hangs), or an
 * enrichment thread still running {@code paperstream.enrich.liveness.runaway-grace} after its deadline (a core
 * lost to a computation that cannot be stopped). Waiting for a database or broker that is down is not DOWN:
 * a restart would not bring them back; readiness reports it.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    static final String NAME = "enrich consumer";

    private final ConsumerProgress progress;
    private final EntryWorkers workers;
    private final Duration stallAfter;
    private final Duration runawayGrace;

    public ConsumerLiveness(ConsumerProgress progress, EntryWorkers workers,
            @ConfigProperty(name = "paperstream.enrich.liveness.stall-after") Duration stallAfter,
            @ConfigProperty(name = "paperstream.enrich.liveness.runaway-grace") Duration runawayGrace) {
        this.progress = progress;
        this.workers = workers;
        this.stallAfter = stallAfter;
        this.runawayGrace = runawayGrace;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("batches in flight", progress.batchesInFlight())
                .withData("entries timed out", workers.timedOut());
        Optional<ConsumerProgress.Trouble> stall = progress.stall(stallAfter);
        if (stall.isPresent()) {
            return response.down().withData("reason", stall.get().description()).build();
        }
        Instant limit = Instant.now().minus(runawayGrace);
        List<EntryWorkers.Runaway> lost = workers.runaways().stream().filter(r -> r.since().isBefore(limit)).toList();
        if (!lost.isEmpty()) {
            EntryWorkers.Runaway first = lost.get(0);
            return response.down().withData("reason", lost.size() + " enrichment thread(s) still running past their "
                    + "deadline, the first (" + first.thread() + ") on " + first.entry() + " since " + first.since()).build();
        }
        return response.up().build();
    }
}
