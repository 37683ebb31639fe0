package dev.paperstream.ingest.resource;


import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.http.Problem;
import dev.paperstream.ingest.config.IngestConfig;
import dev.paperstream.ingest.domain.DigestTooLargeException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body whose declared Content-Length is over the digest limit with the same 413 problem the resource
 * gives, ahead of the HTTP layer's own bare 413 for bodies beyond {@code quarkus.http.limits.max-body-size}, after
 * reading up to {@code refused-body-drain} bytes of it ({@link EarlyRefusal}). Bodies sent without a length are
 * measured while read.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final long drain;
    private final ObjectMapper json;
    private final DigestOutcomes outcomes;

    public BodySizeLimit(IngestConfig config, ObjectMapper json, DigestOutcomes outcomes) {
        this.limit = config.maxBodySize().asLongValue();
        this.drain = config.refusedBodyDrain().asLongValue();
        this.json = json;
        this.outcomes = outcomes;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declared(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= limit) {
            context.next();
            return;
        }
        outcomes.refused("digest-too-large");
        EarlyRefusal.afterBody(context, declared, drain, json, new Problem(Problem.TYPE_BASE + "digest-too-large",
                Response.Status.REQUEST_ENTITY_TOO_LARGE.getReasonPhrase(), 413,
                DigestTooLargeException.bodyOver(limit).getMessage(), context.request().path()));
    }

    /** The declared Content-Length, -1 when there is none or it is no number. */
    static long declared(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
