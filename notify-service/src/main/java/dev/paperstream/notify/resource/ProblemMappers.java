package dev.paperstream.notify.resource;

import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.paperstream.http.DatabaseFault;
import dev.paperstream.http.Problem;
import dev.paperstream.notify.domain.InvalidRequestException;
import dev.paperstream.notify.domain.SubscriptionLimitException;
import dev.paperstream.notify.domain.UnknownSubscriptionException;
import dev.paperstream.notify.persistence.StoreException;
import io.quarkus.logging.Log;

/** Every failure as {@code application/problem+json}; stack traces go to the log, never to the client. */
public class ProblemMappers {

    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new ParameterProblem(
                ParameterProblem.INVALID_PARAMETER, "Invalid request field", 400, e.getMessage(), instance(uri),
                e.parameter())).build();
    }

    /** A body that is not JSON at all. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new ParameterProblem(
                ParameterProblem.INVALID_PARAMETER, "Invalid request field", 400, "the body is not valid JSON: "
                        + e.getOriginalMessage(), instance(uri), "body")).build();
    }

    @ServerExceptionMapper
    public Response unknown(UnknownSubscriptionException e, UriInfo uri) {
        return Problem.response(Response.Status.NOT_FOUND, "not-found", e.getMessage(), instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response full(SubscriptionLimitException e, UriInfo uri) {
        return Problem.response(Response.Status.CONFLICT, "subscription-limit", e.getMessage(), instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response store(StoreException e, UriInfo uri) {
        return DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE ? unavailable(e, uri) : Problem.incident(e, instance(uri)).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "there is nothing at this path; see /q/openapi for the endpoints";
            case 405 -> "this path does not accept that method; see /q/openapi";
            case 415 -> "send the subscription as application/json";
            default -> status.getReasonPhrase();
        };
        return Problem.response(status.getStatusCode(), status.getReasonPhrase().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""), status.getReasonPhrase(), detail, instance(uri))
                .build();
    }

    /** A database failure wrapped in another exception (a transaction's) is still judged by its SQLSTATE. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE ? unavailable(e, uri) : Problem.incident(e, instance(uri)).build();
    }

    private static Response unavailable(Throwable e, UriInfo uri) {
        Log.warnf("Subscription store unavailable: %s", e.getMessage());
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable", "The subscription "
                        + "store (PostgreSQL) is unreachable; try again after Retry-After seconds.", instance(uri))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
