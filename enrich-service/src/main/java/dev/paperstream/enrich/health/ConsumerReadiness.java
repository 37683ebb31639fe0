package dev.paperstream.enrich.health;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.paperstream.enrich.messaging.ConsumerProgress;

/**
 * Whether the consumer is getting entries through, and if not, why: stalled on an entry or a call since when, or
 * waiting for a dependency that is down ("database unavailable (…) since …, retrying").
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final ConsumerProgress progress;
    private final Duration stallAfter;

    public ConsumerReadiness(ConsumerProgress progress,
            @ConfigProperty(name = "paperstream.enrich.liveness.stall-after") Duration stallAfter) {
        this.progress = progress;
        this.stallAfter = stallAfter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(ConsumerLiveness.NAME)
                .withData("batches in flight", progress.batchesInFlight());
        Optional<ConsumerProgress.Trouble> stall = progress.stall(stallAfter);
        if (stall.isPresent()) {
            return response.down().withData("reason", stall.get().description()).build();
        }
        List<ConsumerProgress.Trouble> outages = progress.outages();
        if (!outages.isEmpty()) {
            return response.down().withData("reason", outages.get(0).description()).build();
        }
        return response.up().build();
    }
}
