package dev.paperstream.enrich.resource;

import jakarta.ws.rs.core.Response;

/** A refusal to answer with a problem document. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final String slug;

    public ProblemException(Response.Status status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public Response.Status status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
