package dev.paperstream.enrich.resource;

import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

import dev.paperstream.http.DatabaseFault;
import dev.paperstream.http.Problem;

/** Every failure as {@code application/problem+json}; stack traces go to the log, never to the client. */
public class ProblemMappers {

    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problem.response(e.status(), e.slug(), e.getMessage(), instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return Problem.response(Response.Status.BAD_REQUEST, "invalid-request", detail, instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String detail = status == Response.Status.BAD_REQUEST ? "The request body is not valid JSON for this endpoint."
                : e.getMessage();
        return Problem.response(status, slug(status.getReasonPhrase()), detail, instance(uri)).build();
    }

    /**
     * A value PostgreSQL refuses (SQLSTATE class 22) is the request's fault; only a lost database is an outage worth
     * retrying; anything else is an incident.
     */
    @ServerExceptionMapper({ PersistenceException.class, SQLException.class })
    public Response database(Exception e, UriInfo uri) {
        return switch (DatabaseFault.of(e)) {
            case INVALID_VALUE -> Problem.response(Response.Status.BAD_REQUEST, "invalid-request", "The database "
                    + "refused a value of the request (" + DatabaseFault.message(e) + "). Nothing was changed.",
                    instance(uri)).build();
            case UNAVAILABLE -> {
                Log.warnf("Catalogue database unavailable: %s", e.toString());
                yield Problem.response(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable", "The catalogue "
                        + "database is unreachable; nothing was changed. Try again after Retry-After seconds.",
                        instance(uri)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
            }
            case UNEXPECTED -> Problem.incident(e, instance(uri)).build();
        };
    }

    /** A database failure wrapped in another exception is still judged by its SQLSTATE. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof Exception exception && DatabaseFault.of(e) != DatabaseFault.UNEXPECTED) {
            return database(exception, uri);
        }
        return Problem.incident(e, instance(uri)).build();
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
