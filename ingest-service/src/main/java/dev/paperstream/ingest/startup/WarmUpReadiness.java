package dev.paperstream.ingest.startup;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready means warm: DOWN until {@link WarmUp} is done, saying what it waits for. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    static final String NAME = "ingest warm-up";

    private final WarmUp warmUp;

    public WarmUpReadiness(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return warmUp.pending()
                .map(step -> HealthCheckResponse.named(NAME).down().withData("reason", "warming up: " + step).build())
                .orElseGet(() -> {
                    HealthCheckResponseBuilder ready = HealthCheckResponse.named(NAME).up();
                    // skipped rehearsals cost only the first request's speed; an operator should still hear of them
                    warmUp.skipped().forEach(step -> ready.withData("skipped", step));
                    return ready.build();
                });
    }
}
