package dev.paperstream.ingest.resource;

import java.sql.SQLException;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.paperstream.http.DatabaseFault;
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

    /**
     * A value PostgreSQL refuses (SQLSTATE class 22) is the request's fault, and checks ahead of the database are
     * meant to catch it first; only a lost database is an outage worth retrying.
     */
    @ServerExceptionMapper({ PersistenceException.class, SQLException.class })
    public Response database(Exception e, UriInfo uri) {
        return switch (DatabaseFault.of(e)) {
            case INVALID_VALUE -> Problem.response(Response.Status.BAD_REQUEST, "invalid-digest", "The database "
                    + "refused a value of the digest or its parameters (" + DatabaseFault.message(e) + "). Nothing was "
                    + "accepted; correct the value and send the digest again.", instance(uri)).build();
            case UNAVAILABLE -> {
                Log.warnf("Receipt store unavailable: %s", e.toString());
                yield unavailable("database-unavailable", "The receipt store (PostgreSQL) is unreachable, so the "
                        + "digest was not accepted. Send the same digest again after Retry-After seconds.", uri);
            }
            case UNEXPECTED -> Problem.incident(e, instance(uri)).build();
        };
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(),
                e.getMessage(), instance(uri)).build();
    }

    /** A database failure wrapped in another exception is still judged by its SQLSTATE. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof Exception exception && DatabaseFault.of(e) != DatabaseFault.UNEXPECTED) {
            return database(exception, uri);
        }
        return Problem.incident(e, instance(uri)).build();
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
