package dev.paperstream.http;

import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, the body of every refusal.
 *
 * @param incident only on a 500: the id under which the failure and its stack were logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String incident) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://paperstream.dev/problems/";

    private static final Logger LOG = Logger.getLogger(Problem.class);

    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null);
    }

    /** @param slug the last segment of the problem's type URI, naming the kind of refusal */
    public static Response.ResponseBuilder response(Response.Status status, String slug, String detail, String instance) {
        return response(status.getStatusCode(), slug, status.getReasonPhrase(), detail, instance);
    }

    public static Response.ResponseBuilder response(int status, String slug, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, instance));
    }

    /**
     * A 500 for a failure nobody foresaw: logged once, here, with its stack under a new incident id, which the
     * problem document carries so a report can be matched to the log.
     */
    public static Response.ResponseBuilder incident(Throwable failure, String instance) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure at %s, incident %s", instance, incident);
        return Response.status(500)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + "internal-error", "Internal Server Error", 500,
                        "Something went wrong on our side (incident " + incident + "). It was logged; please report it "
                                + "with the incident id.", instance, incident));
    }
}
