package dev.paperstream.notify.resource;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.paperstream.http.ApiTokens;
import dev.paperstream.http.Problem;

/**
 * Reads of subscriptions need the bearer token too (http-common's {@code BearerTokenFilter} guards writes only): a
 * subscription's URL may carry the receiver's own token, and its history tells who follows what.
 */
public class SubscriptionReadsFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    SubscriptionReadsFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticateReads(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || !(path.equals("/subscriptions") || path.startsWith("/subscriptions/"))) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && tokens.accepts(authorization.substring(BEARER.length()).strip())) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized",
                        "Subscriptions are read with an Authorization: Bearer <token> header, a token from "
                                + "PAPERSTREAM_API_TOKENS.", path)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paperstream\"")
                .build());
    }
}
