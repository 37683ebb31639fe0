package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.OpenApiLint;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.devstack.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What an operator and a browser see of ingest-service besides its API: metrics, headers, logs, API document. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class OperationsTest {

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @TestHTTPResource("/")
    java.net.URL root;

    @Test
    void metrics_count_accepted_repeated_and_refused_digests_and_expose_producer_http_and_pool_meters() {
        String before = scrape();
        byte[] digest = page("Counting Digests for Operators " + UUID.randomUUID());

        post(digest, "?year=2024", DigestResourceTest.TOKEN).then().statusCode(202);
        post(digest, "?year=2024", DigestResourceTest.TOKEN).then().statusCode(200);
        post(digest, "?year=2024", "wrong-token").then().statusCode(401);
        post(digest, "?date=2024-02-30", DigestResourceTest.TOKEN).then().statusCode(400);
        post(digest, "?date=2024-02-30", DigestResourceTest.TOKEN).then().statusCode(400);

        String after = scrape();
        assertThat(delta(before, after, "paperstream_ingest_digests_accepted_total")).isEqualTo(1.0);
        assertThat(delta(before, after, "paperstream_ingest_digests_repeated_total")).isEqualTo(1.0);
        assertThat(delta(before, after, "paperstream_ingest_digests_refused_total", "reason=\"unauthorized\"")).isEqualTo(1.0);
        assertThat(delta(before, after, "paperstream_ingest_digests_refused_total", "reason=\"invalid-digest\"")).isEqualTo(2.0);
        assertThat(PrometheusText.sum(after, "kafka_producer_record_send_total", "client_id=\"ingest-service\""))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(PrometheusText.sum(after, "http_server_requests_seconds_count", "method=\"POST\"", "uri=\"/digests\""))
                .isGreaterThanOrEqualTo(5.0);
        assertThat(PrometheusText.has(after, "agroal_available_count")).isTrue();
    }

    @Test
    void every_response_forbids_sniffing_and_active_content() {
        for (Response response : List.of(
                given().get("/q/health/ready"),
                given().get("/q/openapi"),
                post(page("Headers on Refusals"), "", "wrong-token"),
                given().get("/no-such-page"))) {
            assertThat(response.header("X-Content-Type-Options")).as(response.statusLine()).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(response.statusLine()).isEqualTo(CSP);
        }
    }

    @Test
    void the_early_413_for_a_declared_oversized_body_carries_the_headers_too() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write(("POST /digests HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + DigestResourceTest.TOKEN + "\r\nContent-Length: 999999999\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).toLowerCase();
            assertThat(response).startsWith("http/1.1 413");
            assertThat(response).contains("\r\nx-content-type-options: nosniff\r\n");
            assertThat(response).contains("\r\ncontent-security-policy: " + CSP.toLowerCase() + "\r\n");
        }
    }

    @Test
    void line_breaks_sent_in_a_parameter_or_a_header_never_start_a_log_line_of_their_own() throws IOException {
        String marker = "FORGED-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + DigestResourceTest.TOKEN).contentType("text/plain; charset=UTF-8")
                .queryParam("year", "2024").queryParam("source", "feed\r\n" + marker + "\n" + marker)
                .body(page("Log Lines Stay Lines " + marker)).post("/digests").then().statusCode(202);
        String keyMarker = "FORGED-KEY-" + UUID.randomUUID();
        rawPostWithIdempotencyKey("key\r" + keyMarker + "\r\n" + keyMarker + ": x");

        List<String> lines = Files.readAllLines(Path.of("target/ingest-service-test.log"), StandardCharsets.UTF_8);
        assertThat(lines).noneMatch(line -> line.startsWith(marker) || line.startsWith(keyMarker));
        // the door already turns the parameter's line breaks into spaces; either way they never break the line
        assertThat(lines).anyMatch(line -> line.contains("(feed " + marker + " " + marker + ", 2024-"));
    }

    @Test
    void the_api_document_passes_redocly_recommended_rules() throws IOException {
        assumeTrue(OpenApiLint.available(), "node and npm are needed to lint the OpenAPI document");
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenApiLint.Result result = OpenApiLint.lint("ingest-service", document);
        assertThat(result.clean()).as(result.output()).isTrue();
    }

    private void rawPostWithIdempotencyKey(String key) throws IOException {
        byte[] body = page("Raw Header Digest " + UUID.randomUUID());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /digests?year=2024 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + DigestResourceTest.TOKEN + "\r\nIdempotency-Key: " + key + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.getInputStream().readAllBytes();
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }

    private static Response post(byte[] body, String query, String token) {
        return given().header("Authorization", "Bearer " + token).contentType("text/plain; charset=UTF-8")
                .body(body).post("/digests" + query);
    }

    private static byte[] page(String title) {
        return ("Mar 14\n\n" + title + "\n\nAn abstract long enough to be an abstract of a paper about " + title
                + ".\n").getBytes(StandardCharsets.UTF_8);
    }
}
