package dev.paperstream.query.resource;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail; {@code parameter} names the refused query parameter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String INVALID_PARAMETER = "urn:paperstream:problem:invalid-parameter";
    public static final String NOT_FOUND = "urn:paperstream:problem:not-found";
}
