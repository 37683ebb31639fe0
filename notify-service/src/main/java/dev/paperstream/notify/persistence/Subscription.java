package dev.paperstream.notify.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored subscription.
 *
 * @param filter /papers query parameters, each with its values, in the order given
 */
public record Subscription(String id, String url, Map<String, List<String>> filter, String secret, Instant createdAt,
                           Instant disabledAt, String disabledReason) {

    public boolean enabled() {
        return disabledAt == null;
    }
}
