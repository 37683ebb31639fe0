package dev.paperstream.e2e;

import static dev.paperstream.e2e.support.Pipeline.Service.ENRICH;
import static dev.paperstream.e2e.support.Pipeline.Service.INGEST;
import static dev.paperstream.e2e.support.Pipeline.Service.QUERY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.e2e.support.Pipeline;
import dev.paperstream.events.Topics;

/**
 * Every known reproducer of issue #9 sent as an attacker would, to the three services as built: pathological text
 * in a page POSTed to ingest beside well-formed papers, feeds nested deep enough to overflow a recursive walk, and
 * poison records produced straight to {@code digest-entries}. Afterwards all three services are ready, every
 * well-formed entry is enriched exactly once, and each poison record is on the dead-letter topic with its reason.
 */
class HostileInputEndToEndTest {

    private static final String TOKEN = "e2e-hostile-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = Pipeline.named("paperstream_e2e_hostile").tokens(TOKEN)
                .services(ENRICH, INGEST, QUERY).readyWithin(Duration.ofMinutes(3)).start();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyReproducerIsRefusedOrEnrichedAndTheWellFormedPapersAroundThemAreEnrichedOnce() throws Exception {
        Map<String, String> papers = new LinkedHashMap<>();
        papers.put("A Well-Formed Paper Before the Hostile Ones",
                "We fine-tune language models with low-rank adapters and release code at https://github.com/example/before.");
        papers.put("Dotted Words Followed by Accented Letters",
                "We read x.Überblick, 2024.Étude, model.以 and x -.été without stalling.");
        papers.put("A Link Closed Ninety-Five Thousand Times",
                "Code is at https://github.com/example/brackets" + ")".repeat(95_000) + " today.");
        papers.put("A Model Version of Sixty Thousand Digits",
                "We evaluate llama 1" + "7".repeat(60_000) + "b on reasoning.");
        papers.put("A Model Name Followed by Two Thousand Qualifiers",
                "We study llama" + " it".repeat(2_000) + " in depth.");
        // as long as ingest's abstract limit of 100,000 characters allows
        papers.put("A Hundred Kilobyte Dotted Word",
                "It reads " + ".a".repeat(49_990) + " .");
        papers.put("A Well-Formed Paper After the Hostile Ones",
                "We present a benchmark for retrieval-augmented generation with a dataset at https://huggingface.co/datasets/example/after.");
        StringBuilder page = new StringBuilder();
        papers.forEach((title, abstractText) -> page.append(title).append("\n\n").append(abstractText).append("\n\n"));

        String digestId = post("text/plain; charset=UTF-8", page.toString(), Map.of("date", "2026-06-01"))
                .then().log().ifValidationFails().statusCode(202).body("entries", equalTo(papers.size()))
                .extract().jsonPath().getString("digestId");

        for (int depth : new int[] {10_000, 300_000}) {
            String nested = "<title>".repeat(depth) + "deep" + "</title>".repeat(depth);
            post("application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>" + nested
                    + "<summary>x</summary></entry></feed>", Map.of())
                    .then().statusCode(400).contentType("application/problem+json");
        }
        post("text/plain", "A Title\n\nAn abstract that is long enough.\n", Map.of("date", "+6000000-01-01"))
                .then().statusCode(400).contentType("application/problem+json");

        Map<String, String> poison = Map.of(
                "poison-not-json", "{\"schemaVersion\": 1, \"digestId\": ",
                "poison-no-fields", "{\"schemaVersion\": 1, \"paperId\": \"poison-no-fields\"}");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.broker().bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            poison.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, key, value)));
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(pipeline.baseUrl(QUERY)).get("/digests/" + digestId)
                        .then().statusCode(200).body("status", equalTo("complete")));

        Map<String, Set<String>> eventIdsByPaper = eventIdsByPaper(digestId);
        assertThat(eventIdsByPaper).as("papers announced").hasSize(papers.size());
        assertThat(eventIdsByPaper.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        List<String> titles = given().baseUri(pipeline.baseUrl(QUERY)).queryParam("limit", 50).get("/papers")
                .then().statusCode(200).extract().jsonPath().getList("items.title", String.class);
        assertThat(titles).containsExactlyInAnyOrderElementsOf(papers.keySet());

        Map<String, String> reasons = deadLetterReasons(poison.size());
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(poison.keySet());
        assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());

        for (ServiceProcess service : pipeline.services()) {
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
        }
    }

    private static io.restassured.response.Response post(String contentType, String body, Map<String, String> query) {
        return given().baseUri(pipeline.baseUrl(INGEST))
                .header("Authorization", "Bearer " + TOKEN)
                .contentType(contentType)
                .queryParams(query)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/digests");
    }

    private static Map<String, Set<String>> eventIdsByPaper(String digestId) {
        Map<String, Set<String>> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = pipeline.consumer(Topics.PAPERS_ENRICHED)) {
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    quietSince = System.nanoTime();
                    JsonNode event = readTree(record.value());
                    if (event.has("digest") && digestId.equals(event.get("digest").get("id").asText())) {
                        ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(header(record, "ce_id"));
                    }
                }
            }
        }
        return ids;
    }

    private static Map<String, String> deadLetterReasons(int expected) {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = pipeline.consumer(Topics.DIGEST_ENTRIES_DLQ)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    reasons.put(record.key(), header(record, "dead-letter-reason"));
                }
            }
        }
        return reasons;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("%s header", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
