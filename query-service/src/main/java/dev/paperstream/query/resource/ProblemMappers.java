package dev.paperstream.query.resource;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.query.domain.ResumeGoneException;
import dev.paperstream.query.domain.StreamUnavailableException;
import dev.paperstream.query.domain.UnknownResourceException;
import dev.paperstream.query.persistence.CatalogUnavailableException;

/** Every failure leaves as {@code application/problem+json}: no stack trace, no SQL, never an HTML page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(new Problem(Problem.INVALID_PARAMETER, "Invalid query parameter", 400, e.getMessage(),
                path(uri), e.parameter(), null));
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e, UriInfo uri) {
        return problem(new Problem(Problem.NOT_FOUND, "Not Found", 404, e.getMessage(), path(uri), null, null));
    }

    /**
     * A value PostgreSQL refuses (SQLSTATE class 22) is the request's fault, not an outage; only a lost connection
     * (or none to be had from the pool) is a 503.
     */
    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailableException e, UriInfo uri) {
        String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("22")) {
            return problem(new Problem(Problem.INVALID_PARAMETER, "Invalid query parameter", 400,
                    "a parameter holds a value the catalogue cannot compare: "
                            + e.getCause().getMessage().lines().findFirst().orElse(""), path(uri), null, null));
        }
        if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
            LOG.error("catalogue query failed", e);
            return Response.fromResponse(problem(new Problem(Problem.DATABASE_UNAVAILABLE, "Service Unavailable", 503,
                    "the catalogue database could not answer; try again shortly", path(uri), null, null)))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        return incident(e, uri);
    }

    @ServerExceptionMapper
    public Response resumeGone(ResumeGoneException e, UriInfo uri) {
        return problem(new Problem(Problem.RESUME_GONE, "Gone", 410, e.getMessage(), path(uri), "Last-Event-ID", null));
    }

    @ServerExceptionMapper
    public Response streamUnavailable(StreamUnavailableException e, UriInfo uri) {
        return Response.fromResponse(problem(new Problem(Problem.STREAM_UNAVAILABLE, "Service Unavailable", 503,
                e.getMessage(), path(uri), null, null))).header("Retry-After", "5").build();
    }

    /** A redirect is an answer, not a failure: it leaves as built, with its Location. */
    @ServerExceptionMapper
    public Response redirection(RedirectionException e) {
        return e.getResponse();
    }

    /** Routing and content negotiation refusals (unknown path, wrong method, unacceptable media type...). */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("request failed", e);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "there is nothing at this path; see /q/openapi for the endpoints";
            case 405 -> "this path does not accept that method; the query API only reads";
            case 406 -> "the requested media type is not available here";
            default -> status.getReasonPhrase();
        };
        return problem(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        return incident(e, uri);
    }

    /** Logged once, here, with its stack under an id the client sees, so a report can be matched to the log. */
    private static Response incident(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return problem(new Problem(Problem.INTERNAL_ERROR, "Internal Server Error", 500,
                "the query service failed unexpectedly; the failure is logged as incident " + incident, path(uri),
                null, incident));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
