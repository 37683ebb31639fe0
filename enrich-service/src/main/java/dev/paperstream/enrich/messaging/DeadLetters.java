package dev.paperstream.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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

    private static final int MAX_REASON_CHARS = 2000;

    private final Emitter<String> emitter;

    @Inject
    EnrichCounters counters;

    public DeadLetters(@Channel("digest-entries-dlq") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * An entry and why it is dead. A letter the DLQ refused as too large is sent again {@link #withoutValue()}:
     * its headers still say where the original is.
     */
    public record DeadLetter(ConsumerRecord<String, String> record, Throwable reason, boolean valueDropped) {

        public DeadLetter(ConsumerRecord<String, String> record, Throwable reason) {
            this(record, reason, false);
        }

        String value() {
            return valueDropped || record.value() == null ? "" : record.value();
        }

        DeadLetter withoutValue() {
            return new DeadLetter(record, new UnprocessableEntryException(reason.getMessage()
                    + " (value dropped: too large for the DLQ; the original is at the offset named here)", reason.getCause()), true);
        }
    }

    /**
     * Sends the letters and waits up to {@code timeout} for the acknowledgements; returns each letter's failure,
     * in order, null for those Kafka acknowledged.
     */
    List<Throwable> trySend(List<DeadLetter> letters, Duration timeout, Consumer<String> stillWaiting) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> record = letter.record();
            Log.warnf("entry %s (partition %d, offset %d) sent to the DLQ: %s", record.key(), record.partition(),
                    record.offset(), letter.reason().getMessage());
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, bytes(capped(letter.reason().getMessage())));
            if (letter.reason().getCause() != null) {
                headers.add(CAUSE, bytes(capped(String.valueOf(letter.reason().getCause()))));
            }
            headers.add(TOPIC, bytes(record.topic()));
            headers.add(PARTITION, bytes(Integer.toString(record.partition())));
            headers.add(OFFSET, bytes(Long.toString(record.offset())));
            acks.add(Acknowledged.send(emitter, letter.value(),
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())));
        }
        List<Throwable> failures = Acknowledged.failures(acks, timeout, stillWaiting);
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) == null) {
                counters.deadLettered(letters.get(i).reason());
            }
        }
        return failures;
    }

    /** Reasons quote exception messages, which may quote the input; a header need not carry a megabyte. */
    private static String capped(String s) {
        String text = String.valueOf(s);
        return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
    }

    private static byte[] bytes(String s) {
        return String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    }
}
