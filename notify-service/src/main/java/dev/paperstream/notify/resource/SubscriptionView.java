package dev.paperstream.notify.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.paperstream.notify.persistence.Outbox;
import dev.paperstream.notify.persistence.Subscription;

/**
 * A subscription as the API shows it. The secret is shown once, in the answer to its creation; deliveries and the last
 * attempts only in {@code GET /subscriptions/{id}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String url, Map<String, List<String>> filter, String secret,
                               Instant createdAt, boolean enabled, Instant disabledAt, String disabledReason,
                               Deliveries deliveries, List<Outbox.Attempt> lastAttempts) {

    /** Deliveries by status, attempts made in all, and the last success. */
    public record Deliveries(long pending, long delivered, long failed, long attempts, Instant lastDeliveredAt) {
    }

    public record Listing(List<SubscriptionView> items) {
    }

    static SubscriptionView created(Subscription subscription) {
        return of(subscription, subscription.secret(), null);
    }

    static SubscriptionView listed(Subscription subscription) {
        return of(subscription, null, null);
    }

    static SubscriptionView detailed(Subscription subscription, Outbox.Statistics statistics) {
        return of(subscription, null, statistics);
    }

    private static SubscriptionView of(Subscription subscription, String secret, Outbox.Statistics statistics) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.filter(), secret,
                subscription.createdAt(), subscription.enabled(), subscription.disabledAt(),
                subscription.disabledReason(),
                statistics == null ? null : new Deliveries(statistics.pending(), statistics.delivered(),
                        statistics.failed(), statistics.attempts(), statistics.lastDeliveredAt()),
                statistics == null ? null : statistics.lastAttempts());
    }
}
