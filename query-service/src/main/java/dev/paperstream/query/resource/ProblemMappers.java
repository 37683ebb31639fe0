package dev.paperstream.query.resource;

import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.paperstream.query.domain.InvalidParameterException;
import dev.paperstream.query.domain.UnknownResourceException;
import dev.paperstream.query.persistence.CatalogUnavailableException;

/** Every failure leaves as {@code application/problem+json}: no stack trace, no SQL, never an HTML page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(new Problem(Problem.INVALID_PARAMETER, "Invalid query parameter", 400, e.getMessage(),
                path(uri), e.parameter()));
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e, UriInfo uri) {
        return problem(new Problem(Problem.NOT_FOUND, "Not Found", 404, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailableException e, UriInfo uri) {
        LOG.error("catalogue query failed", e);
        return problem(new Problem(Problem.DATABASE_UNAVAILABLE, "Service Unavailable", 503,
                "the catalogue database could not answer; try again shortly", path(uri), null));
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
                path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(new Problem(Problem.INTERNAL_ERROR, "Internal Server Error", 500,
                "the query service failed unexpectedly; the failure is logged", path(uri), null));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
