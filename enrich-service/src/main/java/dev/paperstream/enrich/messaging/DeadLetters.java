package dev.paperstream.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends unprocessable entries to {@code digest-entries-dlq} unchanged, with where they came from and why in
 * headers (the names SmallRye's own dead-letter strategy uses), and waits for the broker to have them before the
 * consumer moves on.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final Emitter<String> emitter;

    @Inject
    EnrichCounters counters;

    public DeadLetters(@Channel("digest-entries-dlq") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public record DeadLetter(ConsumerRecord<String, String> record, Throwable reason) {
    }

    public void send(List<DeadLetter> letters) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> record = letter.record();
            Log.warnf("entry %s (partition %d, offset %d) sent to the DLQ: %s", record.key(), record.partition(),
                    record.offset(), letter.reason().getMessage());
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, bytes(letter.reason().getMessage()));
            if (letter.reason().getCause() != null) {
                headers.add(CAUSE, bytes(String.valueOf(letter.reason().getCause())));
            }
            headers.add(TOPIC, bytes(record.topic()));
            headers.add(PARTITION, bytes(Integer.toString(record.partition())));
            headers.add(OFFSET, bytes(Long.toString(record.offset())));
            acks.add(Acknowledged.send(emitter, record.value() == null ? "" : record.value(),
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())));
        }
        Acknowledged.await(acks);
        letters.forEach(letter -> counters.deadLettered(letter.reason()));
    }

    private static byte[] bytes(String s) {
        return String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    }
}
