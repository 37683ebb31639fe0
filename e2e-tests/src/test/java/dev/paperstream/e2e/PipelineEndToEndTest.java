package dev.paperstream.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.FreePorts;
import dev.paperstream.devstack.KafkaBroker;
import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.events.Topics;
import io.restassured.response.Response;

/**
 * The spine, as a user meets it: the three services run from their built jars, each in its own process, against a
 * real Kafka broker and a PostgreSQL database of this run's own. A digest page goes in over HTTP; a plain Kafka
 * consumer sees every enriched paper; the REST API pages through all of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final String TOKEN = "e2e-" + UUID.randomUUID();
    private static final int SAMPLE_PAPERS = 104;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<AutoCloseable> running = new ArrayList<>();
    private static KafkaBroker broker;
    private static ServiceProcess ingest;
    private static ServiceProcess query;
    private static KafkaConsumer<String, String> downstream;
    private static String sampleDigest;

    @BeforeAll
    static void startPipeline() throws Exception {
        Path projectDir = Path.of(System.getProperty("paperstream.project.dir", "..")).toAbsolutePath().normalize();
        Path sharedDir = Path.of(System.getProperty("paperstream.shared.dir", projectDir.resolve("../shared").toString()));
        sampleDigest = Files.readString(sharedDir.resolve("digests/daily-papers-mar-14.txt"), StandardCharsets.UTF_8);
        Path work = Files.createTempDirectory("paperstream-e2e-");

        broker = KafkaBroker.startFresh(work.resolve("kafka"));
        running.add(broker);
        broker.createTopics(3, Topics.DIGEST_ENTRIES, Topics.PAPERS_ENRICHED, Topics.DIGEST_ENTRIES_DLQ);
        TestDatabase database = TestDatabase.create("paperstream_e2e");
        running.add(database);

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("PAPERSTREAM_API_TOKENS", "another-token," + TOKEN);

        ServiceProcess enrich = start(projectDir, "enrich-service", env, work);
        ingest = start(projectDir, "ingest-service", env, work);
        enrich.awaitReady(Duration.ofMinutes(2));
        ingest.awaitReady(Duration.ofMinutes(2));
        query = start(projectDir, "query-service", env, work).awaitReady(Duration.ofMinutes(2));

        downstream = plainConsumer();
    }

    @AfterAll
    static void stopPipeline() {
        if (downstream != null) {
            downstream.close();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    @Test
    @Order(1)
    void aDigestPageBecomesEnrichedEventsForADownstreamConsumer() throws Exception {
        long postedAt = System.nanoTime();
        Response receipt = postSample();
        receipt.then().statusCode(202).body("entries", equalTo(SAMPLE_PAPERS));
        String digestId = receipt.jsonPath().getString("digestId");
        assertThat(digestId).isNotBlank();

        Map<String, JsonNode> events = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (events.size() < SAMPLE_PAPERS && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : downstream.poll(Duration.ofMillis(500))) {
                JsonNode event = JSON.readTree(record.value());
                assertThat(record.key()).isEqualTo(event.get("paperId").asText());
                events.put(record.key(), event);
            }
        }
        double seconds = (System.nanoTime() - postedAt) / 1e9;
        System.out.printf("e2e: %d enriched events %.2f s after POST of the sample digest%n", events.size(), seconds);

        assertThat(events).hasSize(SAMPLE_PAPERS);
        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event.get("title").asText()).isNotBlank();
            assertThat(event.get("digest").get("id").asText()).isEqualTo(digestId);
        });
        given().baseUri(query.baseUrl()).get("/digests/" + digestId)
                .then().statusCode(200).body("status", equalTo("complete"));
    }

    @Test
    @Order(2)
    void theCatalogueListsEveryPaperOnceAndTopicCountsAddUp() {
        List<JsonNode> papers = allPapers();
        assertThat(papers).hasSize(SAMPLE_PAPERS);
        assertThat(papers.stream().map(p -> p.get("id").asText()).distinct()).hasSize(SAMPLE_PAPERS);

        long topicAssignments = papers.stream().mapToLong(p -> p.get("topics").size()).sum();
        List<Integer> counts = given().baseUri(query.baseUrl()).get("/topics")
                .then().statusCode(200).extract().jsonPath().getList("paperCount", Integer.class);
        assertThat(counts.stream().mapToLong(Integer::longValue).sum()).isEqualTo(topicAssignments);
        assertThat(topicAssignments).isGreaterThan(SAMPLE_PAPERS / 2);

        List<String> peftTitles = given().baseUri(query.baseUrl()).queryParam("topic", "peft").queryParam("limit", 100)
                .get("/papers").then().statusCode(200).extract().jsonPath().getList("items.title", String.class);
        assertThat(peftTitles).anySatisfy(title -> assertThat(title).containsIgnoringCase("LoRA"));
    }

    @Test
    @Order(3)
    void postingTheSameDigestAgainChangesNothing() {
        postSample().then().statusCode(200).body("entries", equalTo(SAMPLE_PAPERS));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(allPapers()).hasSize(SAMPLE_PAPERS));
        assertThat(downstream.poll(Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    @Order(4)
    void writesNeedAToken() {
        given().baseUri(ingest.baseUrl()).contentType("text/plain").body(sampleDigest).post("/digests")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static Response postSample() {
        return given().baseUri(ingest.baseUrl())
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("text/plain; charset=UTF-8")
                .body(sampleDigest)
                .post("/digests");
    }

    private static List<JsonNode> allPapers() {
        List<JsonNode> papers = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            var request = given().baseUri(query.baseUrl()).queryParam("limit", 30);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            String body = request.get("/papers").then().statusCode(200).extract().asString();
            JsonNode page = readTree(body);
            page.get("items").forEach(papers::add);
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            assertThat(cursor == null || cursors.add(cursor)).as("cursor repeats").isTrue();
        } while (cursor != null);
        return papers;
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static ServiceProcess start(Path projectDir, String module, Map<String, String> env, Path work) {
        ServiceProcess service = ServiceProcess.start(projectDir, module, FreePorts.next(), env,
                work.resolve("logs").resolve(module + ".log"));
        running.add(service);
        return service;
    }


    private static KafkaConsumer<String, String> plainConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-downstream-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(Topics.PAPERS_ENRICHED));
        return consumer;
    }
}
