package dev.paperstream.query.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail; {@code parameter} names the refused query parameter, {@code incident} (on a 500 only)
 * the id under which the failure was logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
        String incident) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The type URIs the ingest and enrich services use too, so one client handles all three. */
    private static final String TYPE_BASE = "https://paperstream.dev/problems/";
    public static final String INVALID_PARAMETER = TYPE_BASE + "invalid-parameter";
    public static final String NOT_FOUND = TYPE_BASE + "not-found";
    public static final String DATABASE_UNAVAILABLE = TYPE_BASE + "database-unavailable";
    public static final String INTERNAL_ERROR = TYPE_BASE + "internal-error";
    public static final String RESUME_GONE = TYPE_BASE + "resume-gone";
    public static final String STREAM_UNAVAILABLE = TYPE_BASE + "stream-unavailable";
}
