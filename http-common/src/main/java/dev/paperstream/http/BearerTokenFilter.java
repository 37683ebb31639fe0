package dev.paperstream.http;

import java.util.Optional;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Writes need {@code Authorization: Bearer <token>} with an accepted token; reads stay public. */
public class BearerTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String instance = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (tokens.isEmpty()) {
            return refuse("This server accepts no writes: no API token is configured (PAPERSTREAM_API_TOKENS).",
                    instance);
        }
        if (authorization == null || authorization.isBlank()) {
            return refuse("Writes need an Authorization: Bearer <token> header.", instance);
        }
        if (!tokens.acceptsAuthorization(authorization)) {
            return refuse("The bearer token is not accepted. Use a token from PAPERSTREAM_API_TOKENS.", instance);
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(String detail, String instance) {
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", detail, instance)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paperstream\"")
                .build());
    }
}
