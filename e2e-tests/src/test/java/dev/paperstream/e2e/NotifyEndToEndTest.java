package dev.paperstream.e2e;

import static dev.paperstream.e2e.support.Pipeline.Service.ENRICH;
import static dev.paperstream.e2e.support.Pipeline.Service.INGEST;
import static dev.paperstream.e2e.support.Pipeline.Service.NOTIFY;
import static dev.paperstream.e2e.support.Pipeline.Service.QUERY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.WebhookReceiver;
import dev.paperstream.e2e.support.Pipeline;
import io.restassured.http.ContentType;

/**
 * Following research by webhook, as a user does it: the four services from their built jars, a real broker and
 * database, receivers on loopback. A topic=peft subscription receives exactly the PEFT papers of the sample digest,
 * each the same JSON as its GET /papers item and signed with the subscription's secret. A second receiver is down
 * for a minute, notify-service restarts meanwhile, and when the receiver comes up it gets every delivery once.
 */
class NotifyEndToEndTest {

    private static final String TOKEN = "e2e-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTAGE = Duration.ofMinutes(1);
    /** Four JVMs starting at once on a busy two-core machine: a bound, not an expectation. */
    private static final Duration READY = Duration.ofMinutes(5);

    private static Pipeline pipeline;
    private static String sampleDigest;

    @BeforeAll
    static void startPipeline() throws Exception {
        sampleDigest = Files.readString(Pipeline.sharedDir().resolve("digests/daily-papers-mar-14.txt"), StandardCharsets.UTF_8);
        pipeline = Pipeline.named("paperstream_notify_e2e").tokens(TOKEN)
                // receivers on loopback, and a retry schedule of seconds so that a one-minute outage is retried often
                .env(NOTIFY, "PAPERSTREAM_WEBHOOKS_ALLOW_PRIVATE", "true")
                .env(NOTIFY, "PAPERSTREAM_WEBHOOKS_RETRY_INITIAL_BACKOFF", "1s")
                .env(NOTIFY, "PAPERSTREAM_WEBHOOKS_RETRY_MAX_BACKOFF", "5s")
                .env(NOTIFY, "PAPERSTREAM_WEBHOOKS_DELIVERY_POLL_INTERVAL", "200ms")
                .services(ENRICH, INGEST, NOTIFY, QUERY).readyWithin(READY).start();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void subscribers_get_exactly_the_peft_papers_signed_and_a_receiver_down_for_a_minute_gets_each_once() throws Exception {
        WebhookReceiver live = WebhookReceiver.start();
        WebhookReceiver outage = WebhookReceiver.notYetListening();
        pipeline.closeAtEnd(live);
        pipeline.closeAtEnd(outage);
        JsonNode liveSubscription = subscribe(live.url("/papers/peft"), null);
        String outageSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        JsonNode outageSubscription = subscribe(outage.url("/down-for-a-minute"), outageSecret);
        String outageId = outageSubscription.get("id").asText();

        long postedAt = System.nanoTime();
        String digestId = given().baseUri(pipeline.baseUrl(INGEST)).header("Authorization", "Bearer " + TOKEN)
                .contentType("text/plain; charset=UTF-8").body(sampleDigest).post("/digests")
                .then().statusCode(202).extract().jsonPath().getString("digestId");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "complete".equals(given().baseUri(pipeline.baseUrl(QUERY)).get("/digests/" + digestId).jsonPath().getString("status")));

        Map<String, JsonNode> peftItems = new TreeMap<>();
        JSON.readTree(given().baseUri(pipeline.baseUrl(QUERY)).queryParam("topic", "peft").queryParam("limit", 100)
                        .get("/papers").then().statusCode(200).extract().asString())
                .get("items").forEach(item -> peftItems.put(item.get("id").asText(), item));
        assertThat(peftItems).hasSizeGreaterThan(3);

        // every PEFT paper, and nothing else, each signed, each body's data the very /papers item
        await().atMost(Duration.ofMinutes(2)).until(() -> distinctIds(live) >= peftItems.size());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> distinctIds(live) == peftItems.size());
        String liveSecret = liveSubscription.get("secret").asText();
        Map<String, JsonNode> delivered = new TreeMap<>();
        for (WebhookReceiver.Received request : live.received()) {
            assertThat(request.signedWith(liveSecret)).as("signature of %s", request.webhookId()).isTrue();
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("type").asText()).isEqualTo("paper.enriched");
            delivered.put(body.get("data").get("id").asText(), body.get("data"));
        }
        assertThat(delivered.keySet()).isEqualTo(peftItems.keySet());
        delivered.forEach((id, data) -> assertThat(data).as(id).isEqualTo(peftItems.get(id)));
        assertThat(live.received()).hasSize(peftItems.size());
        System.out.printf("notify e2e: %d PEFT papers delivered %.1f s after the POST%n", delivered.size(),
                (System.nanoTime() - postedAt) / 1e9);

        // the other receiver has been refusing connections: its deliveries wait in the outbox, with failed attempts
        JsonNode waiting = subscription(outageId);
        assertThat(waiting.get("deliveries").get("pending").asInt()).isEqualTo(peftItems.size());
        assertThat(waiting.get("lastAttempts").get(0).get("error").asText()).isNotBlank();

        // notify-service restarts while they wait: nothing pending may be lost
        pipeline.restart(NOTIFY);

        long downFor = System.nanoTime() - postedAt;
        if (downFor < OUTAGE.toNanos()) {
            Thread.sleep((OUTAGE.toNanos() - downFor) / 1_000_000);
        }
        outage.up();
        await().atMost(Duration.ofMinutes(1)).until(() -> distinctIds(outage) >= peftItems.size());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> distinctIds(outage) == peftItems.size());
        Map<String, Long> timesReceived = outage.received().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
        assertThat(timesReceived.values()).as("deliveries per webhook-id").containsOnly(1L);
        Set<String> outageIds = outage.received().stream().map(request -> {
            assertThat(request.signedWith(outageSecret)).isTrue();
            return readTree(request.body()).get("data").get("id").asText();
        }).collect(Collectors.toSet());
        assertThat(outageIds).isEqualTo(peftItems.keySet());

        JsonNode done = subscription(outageId);
        assertThat(done.get("deliveries").get("delivered").asInt()).isEqualTo(peftItems.size());
        assertThat(done.get("deliveries").get("pending").asInt()).isZero();
        assertThat(done.get("enabled").asBoolean()).isTrue();
        System.out.printf("notify e2e: %d deliveries held through a %d s outage and a restart, each received once%n",
                outageIds.size(), OUTAGE.toSeconds());
    }

    private static long distinctIds(WebhookReceiver receiver) {
        return receiver.received().stream().map(WebhookReceiver.Received::webhookId).distinct().count();
    }

    private static JsonNode subscribe(String url, String secret) throws Exception {
        Map<String, Object> body = new TreeMap<>();
        body.put("url", url);
        body.put("filter", Map.of("topic", List.of("peft")));
        if (secret != null) {
            body.put("secret", secret);
        }
        return JSON.readTree(given().baseUri(pipeline.baseUrl(NOTIFY)).header("Authorization", "Bearer " + TOKEN)
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(body)).post("/subscriptions")
                .then().statusCode(201).extract().asString());
    }

    private static JsonNode subscription(String id) {
        return readTree(given().baseUri(pipeline.baseUrl(NOTIFY)).header("Authorization", "Bearer " + TOKEN)
                .get("/subscriptions/" + id).then().statusCode(200).extract().asString());
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
