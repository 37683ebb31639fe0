package dev.paperstream.example;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.events.PaperEnrichedV1;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Reads {@code papers-enriched}: each record is a CloudEvent in binary mode, its attributes in {@code ce_*} headers
 * (which the Kafka connector turns into {@link IncomingCloudEventMetadata}) and the paper as JSON in the value.
 * Events of another type are skipped, so a later contract version on the same topic does not break this consumer.
 * A version of a paper can be published twice after a crash, always with the same event id: the ids seen last are
 * remembered and a repeat is dropped.
 */
@ApplicationScoped
public class EnrichedPaperListener {

    /** One paper as this consumer kept it. */
    public record Received(String eventId, String subject, PaperEnrichedV1 paper) {
    }

    private static final int REMEMBERED_IDS = 100_000;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Incoming("papers-enriched")
    public CompletionStage<Void> onEvent(Message<String> message) {
        IncomingCloudEventMetadata<?> event = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (event == null || !PaperEnrichedV1.CE_TYPE.equals(event.getType())) {
            return message.ack();
        }
        if (!remember(event.getId())) {
            Log.debugf("repeat of event %s dropped", event.getId());
            return message.ack();
        }
        PaperEnrichedV1 paper;
        try {
            paper = json.readValue(message.getPayload(), PaperEnrichedV1.class);
        } catch (JsonProcessingException e) {
            Log.warnf("event %s is not a paper: %s", event.getId(), e.getOriginalMessage());
            return message.ack();
        }
        received.add(new Received(event.getId(), event.getSubject().orElse(paper.paperId()), paper));
        Log.infof("%s  %s  topics=%s", paper.paperId(), paper.title(),
                paper.topics() == null ? List.of() : paper.topics().stream().map(PaperEnrichedV1.TopicRef::slug).toList());
        return message.ack();
    }

    /** What was received so far, repeats dropped, in order of arrival. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized boolean remember(String eventId) {
        return seen.add(eventId);
    }
}
