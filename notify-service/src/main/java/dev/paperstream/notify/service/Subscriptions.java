package dev.paperstream.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.notify.config.NotifyConfig;
import dev.paperstream.notify.domain.SubscriptionLimitException;
import dev.paperstream.notify.domain.SubscriptionRequest;
import dev.paperstream.notify.domain.UnknownSubscriptionException;
import dev.paperstream.notify.domain.WebhookIds;
import dev.paperstream.notify.domain.WebhookMessage;
import dev.paperstream.notify.domain.WebhookSecret;
import dev.paperstream.notify.persistence.Outbox;
import dev.paperstream.notify.persistence.Subscription;
import dev.paperstream.notify.persistence.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Subscriptions made, read, deleted and tested; the transaction boundaries of the resource. */
@ApplicationScoped
public class Subscriptions {

    static final int LAST_ATTEMPTS = 10;

    /** A test message's outcome as its first attempt left it. */
    public record TestOutcome(String webhookId, String status, Integer statusCode, String error) {
    }

    private final SubscriptionRepository repository;
    private final Outbox outbox;
    private final DeliveryAttempts attempts;
    private final ObjectMapper json;
    private final NotifyConfig config;

    Subscriptions(SubscriptionRepository repository, Outbox outbox, DeliveryAttempts attempts, ObjectMapper json,
                  NotifyConfig config) {
        this.repository = repository;
        this.outbox = outbox;
        this.attempts = attempts;
        this.json = json;
        this.config = config;
    }

    @Transactional
    public Subscription create(SubscriptionRequest request) {
        if (repository.count() >= config.maxSubscriptions()) {
            throw new SubscriptionLimitException(config.maxSubscriptions());
        }
        String secret = request.secret() != null ? request.secret() : WebhookSecret.generate();
        return repository.insert(WebhookIds.newSubscriptionId(), request.url(), request.filter(), secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> all() {
        return repository.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription get(String id) {
        return repository.find(id).orElseThrow(() -> new UnknownSubscriptionException(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Outbox.Statistics statistics(String id) {
        return outbox.statistics(id, LAST_ATTEMPTS);
    }

    @Transactional
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw new UnknownSubscriptionException(id);
        }
    }

    /**
     * Stores a {@value WebhookMessage#TEST} message in the outbox and makes its first attempt now; if that fails in a
     * way worth retrying, the dispatcher goes on with it like any delivery.
     */
    public TestOutcome test(String id) {
        Subscription subscription = get(id);
        String webhookId = WebhookIds.testWebhookId();
        String body = write(new WebhookMessage(WebhookMessage.TEST, Instant.now(),
                Map.of("subscriptionId", subscription.id(), "message", "a test message from paperstream")));
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(
                new Outbox.NewDelivery(webhookId, subscription.id(), webhookId, "", body))));
        return outbox.claim(webhookId, DeliveryAttempts.lease(config)).stream().findFirst()
                .map(claimed -> {
                    DeliveryAttempts.Outcome outcome = attempts.attempt(claimed);
                    return new TestOutcome(webhookId, outcome.next().status(), outcome.result().statusCode(),
                            outcome.result().error());
                })
                .orElseThrow(() -> new UnknownSubscriptionException(id));
    }

    private String write(WebhookMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
