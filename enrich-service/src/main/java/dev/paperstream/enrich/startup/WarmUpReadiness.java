package dev.paperstream.enrich.startup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Ready means warm: DOWN until the consumer has joined its group and {@link WarmUp} is done, saying which is
 * awaited, so the first digest after a start is not the one that pays for them.
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    static final String NAME = "enrich warm-up";

    private final GroupMembership group;
    private final WarmUp warmUp;

    public WarmUpReadiness(@Identifier(GroupMembership.NAME) GroupMembership group, WarmUp warmUp) {
        this.group = group;
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        if (!group.joined()) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "waiting for the digest-entries consumer to join its group").build();
        }
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
