package dev.paperstream.notify.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.notify.config.NotifyConfig;
import dev.paperstream.notify.domain.AttemptResult;
import dev.paperstream.notify.domain.NextStep;
import dev.paperstream.notify.domain.RefusedTargetException;
import dev.paperstream.notify.domain.RetrySchedule;
import dev.paperstream.notify.domain.TargetPolicy;
import dev.paperstream.notify.domain.UnresolvedHostException;
import dev.paperstream.notify.domain.WebhookTarget;
import dev.paperstream.notify.messaging.WebhookSender;
import dev.paperstream.notify.persistence.Outbox;
import dev.paperstream.notify.persistence.SubscriptionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One attempt of a claimed delivery: the URL checked again (a fresh resolution, so a name rebound to a private address
 * since the subscription was made is caught), the POST, and its outcome recorded with what follows it.
 */
@ApplicationScoped
public class DeliveryAttempts {

    private final TargetPolicy policy;
    private final WebhookSender sender;
    private final Outbox outbox;
    private final SubscriptionRepository subscriptions;
    private final RetrySchedule schedule;
    private final NotifyConfig.Retry retry;
    private final MeterRegistry meters;

    DeliveryAttempts(TargetPolicy policy, WebhookSender sender, Outbox outbox, SubscriptionRepository subscriptions,
                     NotifyConfig config, MeterRegistry meters) {
        this.policy = policy;
        this.sender = sender;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.retry = config.retry();
        this.schedule = new RetrySchedule(retry.initialBackoff(), retry.maxBackoff(), new Random());
        this.meters = meters;
    }

    /** The lease a claim takes: longer than any attempt can last. */
    public static Duration lease(NotifyConfig config) {
        return config.delivery().connectTimeout().plus(config.delivery().timeout()).plusSeconds(30);
    }

    /** An attempt's result and what follows it. */
    public record Outcome(AttemptResult result, NextStep next) {
    }

    public Outcome attempt(Outbox.Claimed delivery) {
        Instant attemptedAt = Instant.now();
        AttemptResult result;
        try {
            WebhookTarget target = policy.check(delivery.url());
            result = sender.send(target, delivery.webhookId(), delivery.secret(), delivery.body());
        } catch (UnresolvedHostException e) {
            result = AttemptResult.failure(e.getMessage(), Duration.ZERO);
        } catch (RefusedTargetException e) {
            result = AttemptResult.refusedTarget(e.getMessage());
        }
        NextStep next = record(delivery, attemptedAt, result);
        meters.counter("paperstream_notify_attempts", "outcome", result.verdict().name().toLowerCase()).increment();
        if (next.status().equals(NextStep.FAILED)) {
            Log.warnf("Webhook %s to subscription %s failed for good: %s", delivery.webhookId(),
                    delivery.subscriptionId(), result.describe());
        }
        return new Outcome(result, next);
    }

    private NextStep record(Outbox.Claimed delivery, Instant attemptedAt, AttemptResult result) {
        return QuarkusTransaction.requiringNew().call(() -> recordInTransaction(delivery, attemptedAt, result));
    }

    private NextStep recordInTransaction(Outbox.Claimed delivery, Instant attemptedAt, AttemptResult result) {
        int refusalsBefore = 0;
        if (result.verdict() == AttemptResult.Verdict.REFUSED) {
            refusalsBefore = subscriptions.countRefusal(delivery.subscriptionId());
        } else if (result.verdict() == AttemptResult.Verdict.DELIVERED) {
            subscriptions.resetRefusals(delivery.subscriptionId());
        }
        NextStep next = NextStep.after(result, delivery.attempts() + 1, Duration.between(delivery.createdAt(), attemptedAt),
                refusalsBefore, Instant.now(), schedule, retry.giveUpAfter(), retry.disableAfterRefusals());
        outbox.record(delivery, attemptedAt, result, next);
        if (next.disableReason() != null) {
            subscriptions.disable(delivery.subscriptionId(), next.disableReason());
            Log.warnf("Subscription %s disabled: %s", delivery.subscriptionId(), next.disableReason());
        }
        return next;
    }
}
