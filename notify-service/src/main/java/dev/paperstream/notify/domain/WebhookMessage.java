package dev.paperstream.notify.domain;

import java.time.Instant;

/**
 * The JSON body of a webhook, the Standard Webhooks envelope: {@code type}, {@code timestamp} (when the event
 * happened) and {@code data} (for {@value #PAPER_ENRICHED}, the paper as a {@code GET /papers} item).
 */
public record WebhookMessage(String type, Instant timestamp, Object data) {

    public static final String PAPER_ENRICHED = "paper.enriched";
    public static final String TEST = "webhook.test";
}
