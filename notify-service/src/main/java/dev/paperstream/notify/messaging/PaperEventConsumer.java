package dev.paperstream.notify.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.events.Topics;
import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperFacts;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperItems;
import dev.paperstream.filter.PaperMatcher;
import dev.paperstream.notify.domain.WebhookIds;
import dev.paperstream.notify.domain.WebhookMessage;
import dev.paperstream.notify.persistence.Outbox;
import dev.paperstream.notify.persistence.Subscription;
import dev.paperstream.notify.persistence.SubscriptionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Turns enriched papers into deliveries: each event of a batch is matched against the subscriptions that existed when
 * the paper was enriched (by paper-filter's rule, the one {@code GET /papers} applies), and one delivery per match is
 * stored in the outbox. The method returns, and the batch's offsets are committed, only after that transaction; an
 * event read twice makes the same webhook-ids, which the outbox keeps once. While the database is away the batch is
 * tried again, so nothing consumed is lost.
 */
@ApplicationScoped
public class PaperEventConsumer {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    PaperEventConsumer(SubscriptionRepository subscriptions, Outbox outbox, Dispatcher dispatcher, ObjectMapper json,
                       MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.json = json;
        this.meters = meters;
    }

    @Incoming(Topics.PAPERS_ENRICHED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                int stored = QuarkusTransaction.requiringNew().call(() -> store(records));
                meters.counter("paperstream_notify_events_consumed").increment(records.count());
                if (stored > 0) {
                    meters.counter("paperstream_notify_deliveries_enqueued").increment(stored);
                    dispatcher.wake();
                }
                return;
            } catch (RuntimeException e) {
                Log.warnf("Could not store the deliveries of %d events, trying again in %d ms: %s", records.count(),
                        backoff.toMillis(), e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private int store(ConsumerRecords<String, String> records) {
        List<Outbox.NewDelivery> deliveries = new ArrayList<>();
        Map<String, PaperFilter> filters = new HashMap<>();
        List<Subscription> candidates = null;
        for (ConsumerRecord<String, String> record : records) {
            PaperEnrichedV1 event = read(record);
            if (event == null) {
                continue;
            }
            Instant enrichedAt = event.enrichedAt() != null ? event.enrichedAt() : Instant.ofEpochMilli(record.timestamp());
            if (candidates == null) {
                candidates = subscriptions.enabledBefore(Instant.now());
            }
            PaperFacts facts = PaperFacts.of(event);
            String body = null;
            for (Subscription subscription : candidates) {
                if (subscription.createdAt().isAfter(enrichedAt)) {
                    continue;
                }
                PaperFilter filter = filters.computeIfAbsent(subscription.id(), id -> filter(subscription));
                if (filter != null && PaperMatcher.matches(filter, facts)) {
                    if (body == null) {
                        body = write(new WebhookMessage(WebhookMessage.PAPER_ENRICHED, enrichedAt, PaperItems.of(event)));
                    }
                    String eventId = eventId(record);
                    deliveries.add(new Outbox.NewDelivery(WebhookIds.webhookId(subscription.id(), eventId),
                            subscription.id(), eventId, event.paperId(), body));
                }
            }
        }
        return outbox.enqueue(deliveries);
    }

    /**
     * The subscription's filter, validated when it was created; null when the rule has since come to refuse it, so that
     * one stored filter cannot hold up every other subscription's deliveries.
     */
    private static PaperFilter filter(Subscription subscription) {
        try {
            return PaperFilter.parse(subscription.filter());
        } catch (InvalidParameterException e) {
            Log.warnf("Subscription %s skipped: its filter is refused now (%s: %s)", subscription.id(), e.parameter(),
                    e.getMessage());
            return null;
        }
    }

    private PaperEnrichedV1 read(ConsumerRecord<String, String> record) {
        try {
            PaperEnrichedV1 event = json.readValue(record.value(), PaperEnrichedV1.class);
            if (event.schemaVersion() == PaperEnrichedV1.SCHEMA_VERSION && event.paperId() != null) {
                return event;
            }
            Log.warnf("Skipped an event at %s-%d offset %d: schema version %d or no paper id", record.topic(),
                    record.partition(), record.offset(), event.schemaVersion());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.warnf("Skipped an unreadable event at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
        meters.counter("paperstream_notify_events_skipped").increment();
        return null;
    }

    /** The CloudEvents id; an event without one is named by its place in the log, which is as stable. */
    private static String eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id != null ? new String(id.value(), StandardCharsets.UTF_8)
                : record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private String write(WebhookMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a paper item always serializes", e);
        }
    }
}
