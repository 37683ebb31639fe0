package dev.paperstream.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The example against a real broker, fed records as enrich-service writes them: binary-mode CloudEvents headers, the
 * paper as JSON, a repeat with the same event id, and an event of another type.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class EnrichedPaperListenerTest {

    private static final String PAPER = """
            {"schemaVersion":1,"paperId":"arxiv-2403.09611","arxivId":"2403.09611",
             "title":"MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training","abstract":"We study...",
             "digest":{"id":"dg-0123456789abcdef","date":"2024-03-14","position":1,"entryCount":104},
             "topics":[{"slug":"multimodal","name":"Multimodal models","score":3.5,"evidence":["multimodal"]}],
             "links":[],"mentions":[],"firstSeen":"2024-03-14","lastSeen":"2024-03-14","version":1,
             "enrichedAt":"2024-03-14T08:00:01Z"}""";

    @Inject
    EnrichedPaperListener listener;

    @Test
    void each_paper_arrives_once_with_its_event_attributes_and_other_event_types_are_skipped() {
        KafkaBrokerTestResource.broker().createTopics(1, Topics.PAPERS_ENRICHED);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(event("arxiv-2403.09611:1", "paperstream.paper.enriched.v1", PAPER));
            producer.send(event("arxiv-2403.09611:1", "paperstream.paper.enriched.v1", PAPER));
            producer.send(event("other:1", "paperstream.something.else.v1", "{}"));
            producer.flush();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !listener.received().isEmpty());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> listener.received().size() == 1);
        EnrichedPaperListener.Received received = listener.received().get(0);
        assertThat(received.eventId()).isEqualTo("arxiv-2403.09611:1");
        assertThat(received.subject()).isEqualTo("arxiv-2403.09611");
        assertThat(received.paper().title()).isEqualTo("MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training");
        assertThat(received.paper().topics()).extracting(t -> t.slug()).containsExactly("multimodal");
    }

    private static ProducerRecord<String, String> event(String id, String type, String paper) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAPERS_ENRICHED, "arxiv-2403.09611", paper);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/paperstream/enrich-service");
        header(record, "ce_subject", "arxiv-2403.09611");
        header(record, "ce_time", "2024-03-14T08:00:01Z");
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
