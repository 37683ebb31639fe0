package dev.paperstream.enrich.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject
    EnrichCounters counters;

    public PaperEventPublisher(@Channel("papers-enriched") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(List<PaperEnrichedV1> papers) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (PaperEnrichedV1 paper : papers) {
            OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                    .withId(paper.paperId() + ":" + paper.version())
                    .withType(PaperEnrichedV1.CE_TYPE)
                    .withSource(SOURCE)
                    .withSubject(paper.paperId())
                    .withTimestamp(paper.enrichedAt().atZone(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .build();
            acks.add(Acknowledged.send(emitter, toJson(paper),
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(paper.paperId()).build(), cloudEvent,
                            // the send's span is a child of the batch's (BatchTracing), whichever thread sends it
                            TracingMetadata.withCurrent(Context.current()))));
        }
        Acknowledged.await(acks);
        counters.enriched(papers.size());
    }

    private String toJson(PaperEnrichedV1 paper) {
        try {
            return json.writeValueAsString(paper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize paper " + paper.paperId(), e);
        }
    }
}
