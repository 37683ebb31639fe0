package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.devstack.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Concurrent large digests are bounded by their bytes (max-bytes-in-flight, 5 MB by default) so they cannot run the
 * heap out: a POST beyond the bound waits, its body unread, for room (in-flight-wait, 3 s in tests), then is answered
 * 503 with Retry-After; the bound frees up when the requests holding it end, however they end.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class DigestsInFlightTest {

    private static final int LARGE = 4_900_000;
    private static final int SMALLER = 3_000_000;

    @Test
    void a_digest_waits_for_room_among_the_bytes_in_flight_and_gets_503_when_none_is_made_in_time() throws IOException {
        try (DigestEntriesTopicReader topic = new DigestEntriesTopicReader();
                Socket first = startPost(LARGE)) {
            int before = topic.count();
            awaitBytesInFlight(LARGE);
            try (Socket second = startPost(SMALLER)) {
                // the first ends without its body: its share is free again, and the second, waiting, takes it
                first.close();
                awaitBytesInFlight(SMALLER);

                try (Socket third = startPost(LARGE)) {
                    third.setSoTimeout(15_000);
                    String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(answer).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 5")
                            .contains("application/problem+json").contains("/problems/busy")
                            .contains("nothing of this digest was published");
                }
            }
            awaitBytesInFlight(0);
            given().header("Authorization", "Bearer " + DigestResourceTest.TOKEN).contentType("text/plain")
                    .body("Bounded Bytes in Flight\n\nA digest sent once the bound has room again.\n")
                    .post("/digests?date=2026-06-03").then().statusCode(202);
            assertThat(topic.count()).isEqualTo(before + 1);
        }
    }

    @Test
    void a_post_to_the_digests_path_with_a_matrix_parameter_holds_its_share_too() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /digests;x=1?date=2026-06-04 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\nAuthorization: Bearer " + DigestResourceTest.TOKEN + "\r\n"
                    + "Content-Length: " + SMALLER + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            awaitBytesInFlight(SMALLER);
        }
        awaitBytesInFlight(0);
    }

    @Test
    void an_http2_digest_with_no_room_gets_503_at_once_and_its_connection_serves_the_next_digest() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI base = URI.create("http://localhost:" + RestAssured.port);
        HttpResponse<String> upgraded = client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        try (Socket holder = startPost(LARGE)) {
            awaitBytesInFlight(LARGE);
            long started = System.nanoTime();
            HttpResponse<String> busy = client.send(post(base, "HTTP/2 Digest Without Room", 1_000_000),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(busy.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(busy.body()).contains("/problems/busy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without waiting for room")
                    .isLessThan(Duration.ofSeconds(3));
        }
        awaitBytesInFlight(0);
        HttpResponse<String> accepted = client.send(post(base, "HTTP/2 Digest With Room", 1_000),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    /** A one-entry page of about {@code bytes} bytes. */
    private static HttpRequest post(URI base, String title, int bytes) {
        String page = title + "\n\n" + "An abstract padded with words. ".repeat(Math.max(1, bytes / 31)) + "\n";
        return HttpRequest.newBuilder(base.resolve("/digests?date=2026-06-05"))
                .header("Authorization", "Bearer " + DigestResourceTest.TOKEN)
                .header("Content-Type", "text/plain; charset=UTF-8").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(page)).build();
    }

    /** Sends a POST's headers and none of its body, as a slow client would; the request stays open. */
    private static Socket startPost(int contentLength) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.getOutputStream().write(("POST /digests?date=2026-06-04 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nAuthorization: Bearer " + DigestResourceTest.TOKEN + "\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Waits until the gauge shows the declared sizes of the digests in flight, in whole KiB as they are held. */
    private static void awaitBytesInFlight(int declared) {
        double held = (declared + 1023) / 1024 * 1024.0;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusText.sum(
                given().get("/q/metrics").asString(), "paperstream_ingest_digest_bytes_in_flight")).isEqualTo(held));
    }
}
