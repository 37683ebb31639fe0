package dev.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.enrich.support.TracingOn;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on, an entry that arrives with ingest's trace context ({@code traceparent}, as ingest's producer
 * writes it) is enriched in a span of the same trace, and its event is sent in that trace too.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class TracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String INGEST_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void the_entry_is_enriched_and_announced_in_the_trace_of_the_post_that_sent_it() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
        DigestEntryV1 entry = Entries.entry("d-traced", LocalDate.of(2026, 5, 2), 1, 1,
                "Tracing One Digest Across Two Services", "We follow a digest from its POST to its enriched event.");
        try (KafkaProducer<String, String> producer = KafkaClients.producer();
                KafkaConsumer<String, String> events = KafkaClients.consumer(Topics.PAPERS_ENRICHED)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DIGEST_ENTRIES, entry.paperId(),
                    KafkaClients.json(entry));
            record.headers().add("traceparent", ("00-" + TRACE + "-" + INGEST_SPAN + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();

            List<Events.Event> published = Events.await(events, e -> "d-traced".equals(e.digestId()), 1,
                    Duration.ofSeconds(60));
            assertThat(published).hasSize(1);
            assertThat(published.get(0).header("traceparent")).startsWith("00-" + TRACE + "-");
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> traced = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(TRACE)).toList();
            SpanData batch = traced.stream().filter(span -> span.getName().equals("digest-entries process"))
                    .findFirst().orElseThrow(() -> new AssertionError("no batch span in trace " + TRACE + ": " + traced));
            assertThat(batch.getParentSpanId()).isEqualTo(INGEST_SPAN);
            assertThat(traced).anySatisfy(span -> {
                assertThat(span.getName()).startsWith("papers-enriched");
                assertThat(span.getParentSpanId()).isEqualTo(batch.getSpanId());
            });
        });
    }
}
