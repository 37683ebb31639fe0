package dev.paperstream.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.devstack.WebhookReceiver;
import dev.paperstream.notify.support.PaperEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Enriched-paper events on a real broker become signed webhooks on a real receiver, through the PostgreSQL outbox:
 * what matches is sent, once per webhook-id; what the receiver answers decides retries and disabling.
 */
@QuarkusTest
@TestProfile(FastRetries.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTest {

    static final String TOKEN = "test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final PaperEvents events = new PaperEvents();

    @AfterEach
    void stop() {
        receiver.close();
        events.close();
    }

    @Test
    void a_peft_subscription_receives_exactly_the_peft_papers_signed_with_its_secret() throws Exception {
        JsonNode subscription = subscribe(receiver.url("/hooks/peft?token=r1"), "{\"topic\": [\"peft\"]}");
        String secret = subscription.get("secret").asText();

        events.publish(PaperEvents.paper("arxiv-2401.00001", "Low-Rank Adapters for Small Models", true, "peft", "llm"));
        events.publish(PaperEvents.paper("arxiv-2401.00002", "Counting Sheep with Drones", false, "vision"));
        events.publish(PaperEvents.paper("arxiv-2401.00003", "Prefix Tuning Revisited", false, "llm", "peft"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/hooks/peft?token=r1");
            assertThat(request.headers()).containsEntry("content-type", "application/json");
            assertThat(request.signedWith(secret)).as("signature of %s", request.webhookId()).isTrue();
            assertThat(request.signedWith("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
            long timestamp = Long.parseLong(request.headers().get("webhook-timestamp"));
            assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        });
        assertThat(received.stream().map(WebhookReceiver.Received::webhookId).distinct()).hasSize(2);

        JsonNode first = JSON.readTree(received.stream().filter(r -> r.body().contains("arxiv-2401.00001"))
                .findFirst().orElseThrow().body());
        assertThat(first.get("type").asText()).isEqualTo("paper.enriched");
        assertThat(first.get("timestamp").asText()).isNotBlank();
        JsonNode data = first.get("data");
        assertThat(data.get("id").asText()).isEqualTo("arxiv-2401.00001");
        assertThat(data.get("title").asText()).isEqualTo("Low-Rank Adapters for Small Models");
        assertThat(JSON.convertValue(data.get("topics"), List.class)).isEqualTo(List.of("peft", "llm"));
        assertThat(JSON.convertValue(data.get("linkKinds"), List.class)).isEqualTo(List.of("code"));
        assertThat(data.get("firstSeen").asText()).isEqualTo("2026-03-14");
        assertThat(data.get("shortAbstract").asText()).startsWith("We study low-rank adapters");

        String id = subscription.get("id").asText();
        JsonNode detail = JSON.readTree(given().auth().oauth2(TOKEN).get("/subscriptions/" + id)
                .then().statusCode(200).extract().asString());
        assertThat(detail.get("deliveries").get("delivered").asInt()).isEqualTo(2);
        assertThat(detail.get("deliveries").get("pending").asInt()).isZero();
        assertThat(detail.get("lastAttempts")).hasSize(2);
        assertThat(detail.get("lastAttempts").get(0).get("statusCode").asInt()).isEqualTo(204);
        assertThat(detail.has("secret")).isFalse();
    }

    @Test
    void the_same_event_read_twice_is_delivered_once_and_papers_enriched_before_the_subscription_are_not() {
        events.publish(PaperEvents.paper("arxiv-2401.00010", "Adapters Before Anyone Asked", false, "peft"));
        subscribe(receiver.url("/once"), "{\"topic\": \"peft\"}");
        var paper = PaperEvents.paper("arxiv-2401.00011", "Adapters Read Twice", false, "peft");
        events.publish(paper, "ce-twice-1");
        events.publish(paper, "ce-twice-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).body()).contains("arxiv-2401.00011");
    }

    @Test
    void server_errors_and_429_are_retried_honouring_retry_after_and_other_4xx_are_not() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(request -> switch (calls.incrementAndGet()) {
            case 1 -> WebhookReceiver.Reply.of(503);
            case 2 -> new WebhookReceiver.Reply(429, Map.of("Retry-After", "2"));
            default -> WebhookReceiver.Reply.of(200);
        });
        subscribe(receiver.url("/flaky"), "{\"topic\": [\"robotics\"]}");
        events.publish(PaperEvents.paper("arxiv-2401.00020", "Robots That Retry", false, "robotics"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 3);
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received.stream().map(WebhookReceiver.Received::webhookId).distinct()).hasSize(1);
        assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 3);

        WebhookReceiver refusing = WebhookReceiver.start();
        try {
            refusing.answer(request -> WebhookReceiver.Reply.of(400));
            String id = subscribe(refusing.url("/refusing"), "{\"topic\": [\"speech\"]}").get("id").asText();
            events.publish(PaperEvents.paper("arxiv-2401.00021", "Speech Nobody Wants", false, "speech"));
            await().atMost(Duration.ofSeconds(30)).until(() -> refusing.received().size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> refusing.received().size() == 1);
            JsonNode detail = detail(id);
            assertThat(detail.get("deliveries").get("failed").asInt()).isEqualTo(1);
            assertThat(detail.get("enabled").asBoolean()).isTrue();
        } finally {
            refusing.close();
        }
    }

    @Test
    void a_receiver_that_keeps_failing_past_the_retry_window_gets_its_subscription_disabled_with_the_reason() {
        receiver.answer(request -> WebhookReceiver.Reply.of(500));
        String id = subscribe(receiver.url("/broken"), "{\"topic\": [\"audio\"]}").get("id").asText();
        events.publish(PaperEvents.paper("arxiv-2401.00030", "Audio Into The Void", false, "audio"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !detail(id).get("enabled").asBoolean());
        JsonNode detail = detail(id);
        assertThat(detail.get("disabledReason").asText()).startsWith("deliveries kept failing for").endsWith("HTTP 500");
        assertThat(detail.get("deliveries").get("failed").asInt()).isEqualTo(1);
        assertThat(receiver.received().size()).isGreaterThan(2);

        int before = receiver.received().size();
        events.publish(PaperEvents.paper("arxiv-2401.00031", "Audio After Disabling", false, "audio"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == before);
    }

    @Test
    void gone_disables_at_once_and_three_refusals_in_a_row_disable_too() {
        receiver.answer(request -> WebhookReceiver.Reply.of(410));
        String gone = subscribe(receiver.url("/gone"), "{\"topic\": [\"graphs\"]}").get("id").asText();
        events.publish(PaperEvents.paper("arxiv-2401.00040", "Graphs Gone", false, "graphs"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !detail(gone).get("enabled").asBoolean());
        assertThat(detail(gone).get("disabledReason").asText()).isEqualTo("the receiver answered 410 Gone");

        WebhookReceiver notFound = WebhookReceiver.start();
        try {
            notFound.answer(request -> WebhookReceiver.Reply.of(404));
            String refused = subscribe(notFound.url("/missing"), "{\"topic\": [\"math\"]}").get("id").asText();
            for (int i = 0; i < 3; i++) {
                events.publish(PaperEvents.paper("arxiv-2401.0005" + i, "Math Unwanted " + i, false, "math"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !detail(refused).get("enabled").asBoolean());
            assertThat(detail(refused).get("disabledReason").asText())
                    .isEqualTo("3 deliveries in a row were refused; last: HTTP 404");
        } finally {
            notFound.close();
        }
    }

    @Test
    void the_test_endpoint_sends_a_signed_test_message_and_reports_its_first_attempt() throws Exception {
        JsonNode subscription = subscribe(receiver.url("/test-me"), "{}");
        String id = subscription.get("id").asText();
        JsonNode outcome = JSON.readTree(given().auth().oauth2(TOKEN).post("/subscriptions/" + id + "/test")
                .then().statusCode(200).extract().asString());
        assertThat(outcome.get("status").asText()).isEqualTo("delivered");
        assertThat(outcome.get("statusCode").asInt()).isEqualTo(204);
        WebhookReceiver.Received test = receiver.received().stream()
                .filter(r -> r.webhookId().equals(outcome.get("webhookId").asText())).findFirst().orElseThrow();
        assertThat(test.signedWith(subscription.get("secret").asText())).isTrue();
        assertThat(JSON.readTree(test.body()).get("type").asText()).isEqualTo("webhook.test");

        receiver.down();
        JsonNode failed = JSON.readTree(given().auth().oauth2(TOKEN).post("/subscriptions/" + id + "/test")
                .then().statusCode(200).extract().asString());
        assertThat(failed.get("status").asText()).isEqualTo("pending");
        assertThat(failed.get("error").asText()).isNotBlank();
    }

    static JsonNode subscribe(String url, String filter) {
        String body = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", \"filter\": " + filter + "}")
                .post("/subscriptions").then().statusCode(201).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    static JsonNode detail(String id) {
        try {
            return JSON.readTree(given().auth().oauth2(TOKEN).get("/subscriptions/" + id).then().statusCode(200)
                    .extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
