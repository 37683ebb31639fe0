package dev.paperstream.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are accepted and delivered, under {@code paperstream.webhooks.*} (env {@code PAPERSTREAM_WEBHOOKS_*}). */
@ConfigMapping(prefix = "paperstream.webhooks")
public interface NotifyConfig {

    /**
     * Whether subscriptions may target loopback and private addresses (and plain http). Off by default: a webhook
     * service that POSTs wherever it is told is a way into the operator's own network. The local run and tests
     * set {@code PAPERSTREAM_WEBHOOKS_ALLOW_PRIVATE=true}.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** Most subscriptions one service holds; each event is matched against all of them. */
    @WithDefault("1000")
    int maxSubscriptions();

    Delivery delivery();

    Retry retry();

    interface Delivery {
        /** Requests in flight at once, across all subscriptions. */
        @WithDefault("8")
        int concurrency();

        /** A receiver that has not connected in this time has failed the attempt. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** A receiver that has not answered in this time has failed the attempt (and it is retried). */
        @WithDefault("15s")
        Duration timeout();

        /** How often the outbox is looked at for due deliveries when nothing new woke the dispatcher. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    /**
     * Retries on timeouts, connection failures, 408, 429 and 5xx: exponential from {@code initial-backoff}, doubling,
     * capped at {@code max-backoff}, each delay drawn between half and all of its value (jitter). A delivery still
     * failing {@code give-up-after} its creation is failed and its subscription disabled.
     */
    interface Retry {
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("25h")
        Duration giveUpAfter();

        /** A subscription whose receiver refused (4xx other than 408 and 429) this many deliveries in a row is disabled. */
        @WithDefault("10")
        int disableAfterRefusals();
    }
}
