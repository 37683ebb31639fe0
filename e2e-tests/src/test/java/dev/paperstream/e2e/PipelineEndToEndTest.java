package dev.paperstream.e2e;

import static dev.paperstream.e2e.support.Pipeline.Service.ENRICH;
import static dev.paperstream.e2e.support.Pipeline.Service.INGEST;
import static dev.paperstream.e2e.support.Pipeline.Service.QUERY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.e2e.support.Pipeline;
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

    private static Pipeline pipeline;
    private static KafkaConsumer<String, String> downstream;
    private static String sampleDigest;

    @BeforeAll
    static void startPipeline() throws Exception {
        sampleDigest = Files.readString(Pipeline.sharedDir().resolve("digests/daily-papers-mar-14.txt"), StandardCharsets.UTF_8);
        pipeline = Pipeline.named("paperstream_e2e").tokens("another-token," + TOKEN)
                .services(ENRICH, INGEST, QUERY).readyWithin(Duration.ofMinutes(2)).start();
        downstream = pipeline.consumer(Topics.PAPERS_ENRICHED);
    }

    @AfterAll
    static void stopPipeline() {
        if (downstream != null) {
            downstream.close();
        }
        if (pipeline != null) {
            pipeline.close();
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
        given().baseUri(pipeline.baseUrl(QUERY)).get("/digests/" + digestId)
                .then().statusCode(200).body("status", equalTo("complete"));
    }

    @Test
    @Order(2)
    void theCatalogueListsEveryPaperOnceAndTopicCountsAddUp() {
        List<JsonNode> papers = allPapers();
        assertThat(papers).hasSize(SAMPLE_PAPERS);
        assertThat(papers.stream().map(p -> p.get("id").asText()).distinct()).hasSize(SAMPLE_PAPERS);

        long topicAssignments = papers.stream().mapToLong(p -> p.get("topics").size()).sum();
        List<Integer> counts = given().baseUri(pipeline.baseUrl(QUERY)).get("/topics")
                .then().statusCode(200).extract().jsonPath().getList("paperCount", Integer.class);
        assertThat(counts.stream().mapToLong(Integer::longValue).sum()).isEqualTo(topicAssignments);
        assertThat(topicAssignments).isGreaterThan(SAMPLE_PAPERS / 2);

        List<String> peftTitles = given().baseUri(pipeline.baseUrl(QUERY)).queryParam("topic", "peft").queryParam("limit", 100)
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
        given().baseUri(pipeline.baseUrl(INGEST)).contentType("text/plain").body(sampleDigest).post("/digests")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static Response postSample() {
        return given().baseUri(pipeline.baseUrl(INGEST))
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
            var request = given().baseUri(pipeline.baseUrl(QUERY)).queryParam("limit", 30);
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
}
