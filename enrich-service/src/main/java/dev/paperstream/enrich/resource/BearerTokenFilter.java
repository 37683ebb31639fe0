package dev.paperstream.enrich.resource;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Writes need {@code Authorization: Bearer <token>} with an accepted token; reads stay public. */
public class BearerTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/topics")) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && tokens.accepts(authorization.substring(BEARER.length()).strip())) {
            return Optional.empty();
        }
        String detail = authorization == null || authorization.isBlank()
                ? "Topic edits and re-tags need an Authorization: Bearer <token> header."
                : "The bearer token is not accepted. Use a token from PAPERSTREAM_API_TOKENS.";
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", detail,
                        request.getUriInfo().getRequestUri().getRawPath())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paperstream\"").build());
    }
}
