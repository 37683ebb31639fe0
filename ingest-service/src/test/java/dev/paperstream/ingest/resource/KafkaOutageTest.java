package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.devstack.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Kafka unreachable: the POST answers 503 with Retry-After within 5 s, and the same digest sent after the broker is
 * back is accepted with each entry on the topic once. Last class to run (@Order, see the pom), since it stops
 * the broker the other tests share.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class KafkaOutageTest {

    private static final int ENTRIES = 50;

    @Test
    void kafka_down_gives_503_fast_and_a_retry_after_recovery_publishes_each_entry_once() {
        byte[] digest = digest();
        // Sent again on 503 as a client would: a broker that has just started (this class alone, on a loaded
        // machine) may answer the first metadata request later than the publish bound.
        byte[] warmUp = DigestResourceTest.page("Warm Up the Producer",
                "A first digest while Kafka is up, so the producer has metadata when the broker goes away.");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int status = DigestResourceTest.post("text/plain", warmUp, "").statusCode();
            assertThat(status).isIn(202, 503);
            return status == 202;
        });
        TestBroker broker = KafkaBrokerTestResource.broker();

        broker.stop();
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                long started = System.nanoTime();
                Response refused = DigestResourceTest.post("text/plain", digest, "?date=2024-05-01");
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                Problems.assertProblem(refused, 503, "Send the same digest again");
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
            long started = System.nanoTime();
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("DOWN"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int status = DigestResourceTest.post("text/plain", digest, "?date=2024-05-01").statusCode();
            assertThat(status).isIn(202, 503);
            return status == 202;
        });
        given().when().get("/q/health/ready").then().statusCode(200);
        Response again = DigestResourceTest.post("text/plain", digest, "?date=2024-05-01");
        again.then().statusCode(200).body("entries", equalTo(ENTRIES));

        try (DigestEntriesTopicReader topic = new DigestEntriesTopicReader()) {
            List<Integer> positions = topic.entriesOf(again.jsonPath().getString("digestId")).stream()
                    .map(entry -> entry.value().get("position").asInt()).toList();
            assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, ENTRIES).boxed().toList());
        }
    }

    private static byte[] digest() {
        StringBuilder page = new StringBuilder("May 1\n\n");
        for (int i = 1; i <= ENTRIES; i++) {
            page.append("Resilient Paper Number ").append(i).append("\n\n")
                    .append("This abstract belongs to paper ").append(i)
                    .append(" of a digest sent while the broker is down, and it must arrive exactly once.\n\n");
        }
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }
}
