package dev.paperstream.notify.resource;

import dev.paperstream.http.Problem;

/**
 * The 400 problem document of a refused field, with {@code parameter} naming it as query-service's refusals do
 * ({@code url}, {@code secret}, {@code filter.topic}).
 */
public record ParameterProblem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String INVALID_PARAMETER = Problem.TYPE_BASE + "invalid-parameter";
}
