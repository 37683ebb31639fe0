package dev.paperstream.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.OpenApiLint;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.devstack.PrometheusText;
import dev.paperstream.enrich.messaging.PapersEnrichedTopic;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What an operator and a browser see of enrich-service besides its API: metrics, headers, API document. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class OperationsTest {

    @Inject
    PapersEnrichedTopic topicSettings;

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void metrics_count_enriched_and_dead_lettered_entries_and_expose_consumer_lag() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
        String before = scrape();
        try (KafkaProducer<String, String> producer = KafkaClients.producer();
                KafkaConsumer<String, String> dlq = KafkaClients.consumer(Topics.DIGEST_ENTRIES_DLQ)) {
            KafkaClients.send(producer, List.of(
                    Entries.entry("d-metrics", LocalDate.of(2026, 5, 1), 1, 2, "Counting Enriched Entries for Operators",
                            "Counters that move when entries are enriched."),
                    Entries.entry("d-metrics", LocalDate.of(2026, 5, 1), 2, 2, "Counting Dead Letters by Reason",
                            "Counters that move when entries are refused.")));
            producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, "metrics-not-json", "{not json"));
            producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, "metrics-invalid", "{\"schemaVersion\":1}"));
            producer.flush();

            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String after = scrape();
                assertThat(delta(before, after, "paperstream_enrich_entries_enriched_total")).isEqualTo(2.0);
                assertThat(delta(before, after, "paperstream_enrich_entries_dead_lettered_total", "reason=\"unreadable\""))
                        .isEqualTo(1.0);
                assertThat(delta(before, after, "paperstream_enrich_entries_dead_lettered_total", "reason=\"invalid\""))
                        .isEqualTo(1.0);
            });
        }
        String after = scrape();
        assertThat(PrometheusText.has(after, "paperstream_enrich_retries_total")).isTrue();
        assertThat(PrometheusText.has(after, "kafka_consumer_fetch_manager_records_lag_max")).isTrue();
        assertThat(PrometheusText.sum(after, "kafka_producer_record_send_total")).isGreaterThanOrEqualTo(4.0);
        assertThat(PrometheusText.has(after, "agroal_available_count")).isTrue();
    }

    @Test
    void every_response_forbids_sniffing_and_active_content() {
        for (Response response : List.of(given().get("/topics"),
                given().contentType("application/json").body("{}").put("/topics/x"),
                given().get("/topics/no-such-topic"))) {
            assertThat(response.header("X-Content-Type-Options")).as(response.statusLine()).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(response.statusLine()).isEqualTo(CSP);
        }
    }

    @Test
    void the_api_document_passes_redocly_recommended_rules() throws IOException {
        assumeTrue(OpenApiLint.available(), "node and npm are needed to lint the OpenAPI document");
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenApiLint.Result result = OpenApiLint.lint("enrich-service", document);
        assertThat(result.clean()).as(result.output()).isTrue();
    }

    @Test
    void papers_enriched_gets_the_brokers_append_time_even_when_created_without_it() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAPERS_ENRICHED);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerTestResource.broker().bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("message.timestamp.type", "CreateTime"), AlterConfigOp.OpType.SET)))).all().get();

            topicSettings.ensure().get();

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin
                    .describeConfigs(List.of(topic)).all().get().get(topic).get("message.timestamp.type").value())
                    .isEqualTo("LogAppendTime"));
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }
}
