package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.events.Topics;
import dev.paperstream.ingest.support.TracingOn;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With tracing on, each entry of a digest carries the trace of the POST that sent it to enrich-service. */
@QuarkusTest
@TestProfile(TracingOn.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void each_entry_carries_the_trace_context_of_the_post_that_sent_it() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-tracing-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIGEST_ENTRIES, Duration.ofSeconds(20)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            String title = "Tracing a Digest " + UUID.randomUUID();
            given().header("Authorization", "Bearer " + DigestResourceTest.TOKEN).contentType("text/plain; charset=UTF-8")
                    .body(("Mar 14\n\n" + title + "\n\nAn abstract about following one digest through two services.\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/digests?year=2024").then().statusCode(202);

            List<ConsumerRecord<String, String>> entries = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().contains(title)) {
                        entries.add(record);
                    }
                });
                return !entries.isEmpty();
            });
            SpanData post = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems()
                    .stream().filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals("POST /digests"))
                    .findFirst().orElse(null), span -> span != null);
            assertThat(entries).hasSize(1).allSatisfy(entry -> {
                Header traceparent = entry.headers().lastHeader("traceparent");
                assertThat(traceparent).isNotNull();
                assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                        .isEqualTo("00-" + post.getTraceId() + "-" + post.getSpanId() + "-01");
            });
        }
    }
}
