package dev.paperstream.ingest.resource;

import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.paperstream.http.Problem;
import dev.paperstream.ingest.config.IngestConfig;
import dev.paperstream.ingest.domain.DigestTooLargeException;
import dev.paperstream.ingest.domain.InvalidDigestException;
import dev.paperstream.ingest.domain.UnsupportedFormatException;
import dev.paperstream.ingest.messaging.KafkaUnavailableException;
import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every failure as {@code application/problem+json}; stack traces go to the log, never to the client. */
public class ProblemMappers {

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidDigestException e, UriInfo uri) {
        return Problem.response(Response.Status.BAD_REQUEST, "invalid-digest", e.getMessage(), instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedFormatException e, UriInfo uri) {
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage(),
                instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(DigestTooLargeException e, UriInfo uri) {
        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "digest-too-large", e.getMessage(),
                instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response kafkaDown(KafkaUnavailableException e, UriInfo uri) {
        return unavailable("kafka-unavailable", "Kafka did not acknowledge the digest's entries in time, so the "
                + "digest was not accepted. Send the same digest again after Retry-After seconds; nothing will be "
                + "duplicated.", uri);
    }

    @ServerExceptionMapper({ PersistenceException.class, SQLException.class })
    public Response databaseDown(Exception e, UriInfo uri) {
        Log.warnf("Receipt store unavailable: %s", e.toString());
        return unavailable("database-unavailable", "The receipt store (PostgreSQL) is unreachable, so the digest "
                + "was not accepted. Send the same digest again after Retry-After seconds.", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(),
                e.getMessage(), instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure, incident %s", incident);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side (incident " + incident + "). It was logged; please report it.",
                instance(uri)).build();
    }

    private Response unavailable(String slug, String detail, UriInfo uri) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, slug, detail, instance(uri))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds()))
                .build();
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    private static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
