package dev.paperstream.ingest.resource;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.paperstream.http.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Counts what became of each {@code POST /digests}: accepted, answered from an earlier receipt, or refused, by
 * reason (the last segment of the problem's type). Read from the response, so every refusal counts once whichever
 * layer made it: the token filter, the resource, a problem mapper, or {@link BodySizeLimit} before any of them.
 */
@Singleton
public class DigestOutcomes {

    static final String ACCEPTED = "paperstream.ingest.digests.accepted";
    static final String REPEATED = "paperstream.ingest.digests.repeated";
    static final String REFUSED = "paperstream.ingest.digests.refused";

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter repeated;

    public DigestOutcomes(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder(ACCEPTED).description("Digests accepted: every entry is on Kafka")
                .register(registry);
        this.repeated = Counter.builder(REPEATED)
                .description("Digests sent again and answered with their first receipt").register(registry);
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/digests")) {
            return;
        }
        int status = response.getStatus();
        if (status == 202) {
            accepted.increment();
        } else if (status == 200) {
            repeated.increment();
        } else if (response.getEntity() instanceof Problem problem) {
            refused(problem.type().substring(problem.type().lastIndexOf('/') + 1));
        }
    }

    void refused(String reason) {
        Counter.builder(REFUSED).description("Digests refused, by problem type").tag("reason", reason)
                .register(registry).increment();
    }
}
