package dev.paperstream.notify.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.events.Topics;

/** Enriched-paper events as enrich-service publishes them: JSON value, paper id key, CloudEvents binary headers. */
public final class PaperEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    /** A paper enriched now with these topic slugs (best first) and a code link when {@code code}. */
    public static PaperEnrichedV1 paper(String id, String title, boolean code, String... topics) {
        List<PaperEnrichedV1.TopicRef> topicRefs = new java.util.ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            topicRefs.add(new PaperEnrichedV1.TopicRef(topics[i], topics[i], 0.9 - i * 0.1, List.of(topics[i])));
        }
        List<PaperEnrichedV1.LinkRef> links = code
                ? List.of(new PaperEnrichedV1.LinkRef("https://github.com/example/" + id, "code", "example/" + id))
                : List.of();
        return new PaperEnrichedV1(PaperEnrichedV1.SCHEMA_VERSION, id, null, title,
                "We study " + title.toLowerCase() + ". Experiments show it works.", null,
                new PaperEnrichedV1.DigestRef("dg-test", LocalDate.parse("2026-03-14"), 1, 1, null), topicRefs, links,
                List.of(), LocalDate.parse("2026-03-14"), LocalDate.parse("2026-03-14"), 1, Instant.now(),
                List.of("Ada Lovelace"), List.of("cs.CL"));
    }

    /** Publishes the event under a new CloudEvents id, which it returns. */
    public String publish(PaperEnrichedV1 event) {
        return publish(event, UUID.randomUUID().toString());
    }

    public String publish(PaperEnrichedV1 event, String ceId) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAPERS_ENRICHED, event.paperId(),
                    JSON.writeValueAsString(event));
            record.headers().add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", PaperEnrichedV1.CE_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "paperstream/enrich-service".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", event.paperId().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            return ceId;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + event.paperId(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
