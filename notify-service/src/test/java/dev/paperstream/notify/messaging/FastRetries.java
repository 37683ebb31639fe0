package dev.paperstream.notify.messaging;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Deliveries to a receiver on loopback, with the retry schedule shrunk from hours to seconds so that the tests see
 * retries, give-ups and disabling within their run.
 */
public class FastRetries implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "paperstream.webhooks.allow-private", "true",
                "paperstream.webhooks.delivery.poll-interval", "100ms",
                "paperstream.webhooks.delivery.timeout", "2s",
                "paperstream.webhooks.retry.initial-backoff", "200ms",
                "paperstream.webhooks.retry.max-backoff", "3s",
                "paperstream.webhooks.retry.give-up-after", "5s",
                "paperstream.webhooks.retry.disable-after-refusals", "3");
    }
}
