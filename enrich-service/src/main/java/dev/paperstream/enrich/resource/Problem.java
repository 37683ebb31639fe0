package dev.paperstream.enrich.resource;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail: the body of every refusal. */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://paperstream.dev/problems/";

    public static Response.ResponseBuilder response(Response.Status status, String slug, String detail, String instance) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, instance));
    }
}
