package dev.paperstream.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bearer tokens accepted for writes. Compared as SHA-256 digests with {@link MessageDigest#isEqual}, against
 * every token without stopping early, so neither a token's content nor its length shows in the response time.
 * Tokens are never logged. Created at start-up, so a missing configuration is reported before the first write.
 */
@Startup
@ApplicationScoped
public class ApiTokens {

    // io.quarkus.logging.Log is rewritten only in application classes, not in a library jar such as this one
    private static final Logger LOG = Logger.getLogger(ApiTokens.class);
    private static final String BEARER = "Bearer ";

    private final List<byte[]> accepted;

    public ApiTokens(@ConfigProperty(name = "paperstream.api.tokens") Optional<List<String>> tokens) {
        this.accepted = tokens.orElse(List.of()).stream()
                .map(String::strip).filter(token -> !token.isEmpty())
                .map(ApiTokens::sha256).toList();
        if (accepted.isEmpty()) {
            LOG.warn("No API token configured (PAPERSTREAM_API_TOKENS): every write will be refused with 401");
        }
    }

    public boolean isEmpty() {
        return accepted.isEmpty();
    }

    /** Whether an {@code Authorization} header's value is {@code Bearer <token>} with an accepted token. */
    public boolean acceptsAuthorization(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && accepts(authorization.substring(BEARER.length()).strip());
    }

    public boolean accepts(String presented) {
        byte[] hash = sha256(presented);
        boolean match = false;
        for (byte[] token : accepted) {
            match |= MessageDigest.isEqual(token, hash);
        }
        return match;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
