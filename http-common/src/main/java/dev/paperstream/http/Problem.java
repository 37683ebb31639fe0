package dev.paperstream.http;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, the body of every refusal. */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://paperstream.dev/problems/";

    /** @param slug the last segment of the problem's type URI, naming the kind of refusal */
    public static Response.ResponseBuilder response(Response.Status status, String slug, String detail, String instance) {
        return response(status.getStatusCode(), slug, status.getReasonPhrase(), detail, instance);
    }

    public static Response.ResponseBuilder response(int status, String slug, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, instance));
    }
}
