package dev.paperstream.enrich.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.events.PaperEnrichedV1;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes committed papers on {@code papers-enriched} as CloudEvents in binary mode (attributes in
 * {@code ce_*} headers, the JSON paper as the value), keyed by paper id, and waits for the broker's
 * acknowledgements. The event id is {@code <paperId>:<version>}: a version is published again only after a
 * crash between commit and acknowledgement, and consumers can drop such a repeat by its id.
 */
@ApplicationScoped
public class PaperEventPublisher {

    public static final URI SOURCE = URI.create("/paperstream/enrich-service");

    private final Emitter<String> emitter;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The CloudEvents header names ({@code ce_specversion} ... {@code content-type}) and their length prefixes. */
    private static final int CE_HEADER_NAMES_AND_FRAMING = 128;
    /** A record's length, attributes, timestamp and offset deltas, and its share of the batch header. */
    private static final int RECORD_FRAMING = 128;

    private final int maxRecordBytes;

    public PaperEventPublisher(@Channel("papers-enriched") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter,
            @ConfigProperty(name = "mp.messaging.outgoing.papers-enriched.max.request.size") int maxRecordBytes) {
        this.emitter = emitter;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Publishes and waits for every acknowledgement; throws when any is missing (for the re-tag runs). */
    public void publish(List<PaperEnrichedV1> papers) {
        Acknowledged.await(papers.stream().map(this::send).toList());
    }

    /**
     * Publishes and waits up to {@code timeout} for the acknowledgements; returns each event's failure, in order,
     * null for those Kafka acknowledged.
     */
    List<Throwable> trySend(List<PaperEnrichedV1> papers, Duration timeout, Consumer<String> stillWaiting) {
        return Acknowledged.failures(papers.stream().map(this::send).toList(), timeout, stillWaiting);
    }

    /**
     * The bytes the event's record will take in a produce request: key, JSON value, the CloudEvents headers and
     * the record's own framing. Compared with the producer's {@code max.request.size}, which must not exceed the
     * broker's {@code message.max.bytes} (the topic's {@code max.message.bytes}).
     */
    public int recordBytes(PaperEnrichedV1 paper) {
        int key = utf8(paper.paperId());
        int headers = utf8(eventId(paper)) + utf8(PaperEnrichedV1.CE_TYPE) + utf8(SOURCE.toString())
                + key + utf8(paper.enrichedAt().toString()) + utf8("1.0") + utf8("application/json")
                + CE_HEADER_NAMES_AND_FRAMING;
        return key + utf8(toJson(paper)) + headers + RECORD_FRAMING;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    private CompletableFuture<Void> send(PaperEnrichedV1 paper) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(eventId(paper))
                .withType(PaperEnrichedV1.CE_TYPE)
                .withSource(SOURCE)
                .withSubject(paper.paperId())
                .withTimestamp(paper.enrichedAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Acknowledged.send(emitter, toJson(paper),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(paper.paperId()).build(), cloudEvent,
                        // the send's span is a child of the batch's (BatchTracing), whichever thread sends it
                        TracingMetadata.withCurrent(Context.current())));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * An appearance's event is named by the appearance, not by the version it made: a redelivered entry (after a
     * crash or a rebalance between commit and offset commit) re-sends its event with the paper's current state, and
     * when a later appearance has moved the version on meanwhile, a version-based id would give one appearance two
     * ids and two appearances one. A re-tag, which has no appearance, is named by the version it made.
     */
    static String eventId(PaperEnrichedV1 paper) {
        return paper.digest() != null
                ? paper.paperId() + "@" + paper.digest().id()
                : paper.paperId() + ":" + paper.version();
    }

    private String toJson(PaperEnrichedV1 paper) {
        try {
            return json.writeValueAsString(paper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize paper " + paper.paperId(), e);
        }
    }
}
