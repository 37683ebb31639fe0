package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.ingest.domain.Fixtures;
import dev.paperstream.ingest.domain.PaperIdentity;
import dev.paperstream.ingest.domain.SampleDigest;
import dev.paperstream.ingest.resource.DigestEntriesTopicReader.Published;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class DigestResourceTest {

    static final String TOKEN = "test-token";

    private static DigestEntriesTopicReader topic;

    @BeforeAll
    static void readTopic() {
        // REST Assured would otherwise declare text/plain as ISO-8859-1, which the service honours
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        topic = new DigestEntriesTopicReader();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void sample_page_is_published_as_104_entries_keyed_by_paper_id() {
        Response response = post("text/plain", SampleDigest.bytes(), "?year=2024");

        response.then().statusCode(202)
                .body("entries", equalTo(104))
                .body("duplicates", equalTo(0))
                .body("date", equalTo("2024-03-14"))
                .body("source", equalTo("daily-papers"));
        String digestId = response.jsonPath().getString("digestId");
        assertThat(digestId).matches("dg-[0-9a-f]{16}");
        assertThat(response.header("Location")).isEqualTo("http://localhost:8083/digests/" + digestId);

        List<Published> entries = topic.entriesOf(digestId);
        assertThat(entries).hasSize(104);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.key()).isEqualTo(entry.value().get("paperId").asText()).startsWith("title-");
            assertThat(entry.value().get("entryCount").asInt()).isEqualTo(104);
            assertThat(entry.value().get("digestDate").asText()).isEqualTo("2024-03-14");
            assertThat(entry.value().get("schemaVersion").asInt()).isEqualTo(1);
        });
        assertThat(entries).extracting(e -> e.value().get("position").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 104).boxed().toList());
        assertThat(entries.get(0).value().get("title").asText()).isEqualTo(SampleDigest.FIRST_TITLE);
        assertThat(entries.get(0).value().get("abstract").asText())
                .endsWith("https://github.com/kriskrisliu/PAT_Pruning-Aware-Tuning");
        assertThat(entries.get(103).value().get("title").asText()).isEqualTo(SampleDigest.LAST_TITLE);
    }

    @Test
    void the_same_page_again_with_crlf_answers_200_with_the_first_receipt_and_publishes_nothing() {
        byte[] lf = "Mar 14\n\nIdempotent Digests Made Simple\n\nWe show that hashing normalized content makes re-sent digests harmless, even across line endings.\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] crlf = new String(lf, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Response first = post("text/plain", lf, "?year=2023");
        first.then().statusCode(202);
        String digestId = first.jsonPath().getString("digestId");

        post("text/plain", crlf, "?year=2023").then().statusCode(200)
                .body("digestId", equalTo(digestId))
                .body("receivedAt", equalTo(first.jsonPath().getString("receivedAt")));

        assertThat(topic.entriesOf(digestId)).hasSize(1);
    }

    @Test
    void json_digest_publishes_each_paper_once_with_arxiv_ids() {
        Response response = post("application/json", Fixtures.bytes("digest.json"), "");

        response.then().statusCode(202)
                .body("entries", equalTo(3)).body("duplicates", equalTo(1))
                .body("date", equalTo("2024-03-14")).body("source", equalTo("reading-group"));
        List<Published> entries = topic.entriesOf(response.jsonPath().getString("digestId"));
        assertThat(entries).extracting(Published::key).containsExactly("arxiv-2403.01234",
                PaperIdentity.paperId(null, "Counting Sheep with Vision Transformers"), "arxiv-hep-th_9901001");
        assertThat(entries.get(0).value().get("arxivId").asText()).isEqualTo("2403.01234");
        assertThat(entries.get(0).value().get("url").asText()).isEqualTo("https://arxiv.org/abs/2403.01234");
        assertThat(entries).allSatisfy(e -> assertThat(e.value().get("entryCount").asInt()).isEqualTo(3));
    }

    @Test
    void a_paper_sent_as_a_feed_and_as_a_page_is_one_paper_whichever_came_first() {
        byte[] feedFirst = json("2411.00001", "Whichever Came First: Feeds Before Pages");
        assertThat(keysOf(post("application/json", feedFirst, "?date=2024-11-01"))).containsExactly("arxiv-2411.00001");
        assertThat(keysOf(post("text/plain", page("Whichever came first - feeds before pages",
                "The same paper, copied from a page that names no arXiv id."), "?date=2024-11-02")))
                .containsExactly("arxiv-2411.00001");

        byte[] pageFirst = page("Whichever Came First: Pages Before Feeds", "A page names the paper by its title alone.");
        List<String> pageKeys = keysOf(post("text/plain", pageFirst, "?date=2024-11-03"));
        assertThat(pageKeys).singleElement().asString().startsWith("title-");
        assertThat(keysOf(post("application/json", json("2411.00002", "Whichever Came First: Pages Before Feeds"),
                "?date=2024-11-04"))).isEqualTo(pageKeys);
    }

    private static byte[] json(String arxivId, String title) {
        return ("{\"entries\": [{\"title\": \"" + title + "\", \"abstract\": \"An abstract.\", \"arxivId\": \""
                + arxivId + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private List<String> keysOf(Response response) {
        response.then().statusCode(202);
        return topic.entriesOf(response.jsonPath().getString("digestId")).stream().map(Published::key).toList();
    }

    @Test
    void hugging_face_daily_papers_json_is_accepted_as_application_json() {
        Response response = post("application/json", Fixtures.bytes("hf-daily-papers.json"), "");

        response.then().statusCode(202).body("entries", equalTo(2))
                .body("date", equalTo("2024-03-11")).body("source", equalTo("hf-daily-papers"));
        assertThat(topic.entriesOf(response.jsonPath().getString("digestId"))).extracting(Published::key)
                .containsExactly("arxiv-2403.05530", "arxiv-2403.06634");
    }

    @Test
    void atom_feed_is_accepted_with_arxiv_ids_from_entry_ids() {
        Response response = post("application/atom+xml", Fixtures.bytes("arxiv-api.atom.xml"), "?date=2024-03-15");

        response.then().statusCode(202).body("entries", equalTo(2)).body("date", equalTo("2024-03-15"));
        List<Published> entries = topic.entriesOf(response.jsonPath().getString("digestId"));
        assertThat(entries).extracting(Published::key).containsExactly("arxiv-2403.07816", "arxiv-cs_0112017");
        assertThat(entries.get(0).value().get("title").asText())
                .isEqualTo("Adapters All the Way Down: Stacking Low-Rank Updates for Continual Fine-Tuning");
    }

    @Test
    void idempotency_key_wins_over_content() {
        byte[] first = page("Keys Decide Identity", "The first body sent with the key, which the receipt will describe forever.");
        byte[] other = page("A Different Paper Entirely", "Another body sent with the same key, which must not be published at all.");
        Response accepted = given().header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", "order-42")
                .contentType("text/plain").body(first).post("/digests");
        accepted.then().statusCode(202).body("entries", equalTo(1));
        String digestId = accepted.jsonPath().getString("digestId");

        given().header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", "order-42")
                .contentType("text/plain").body(other).post("/digests")
                .then().statusCode(200).body("digestId", equalTo(digestId))
                .header("Location", equalTo("http://localhost:8083/digests/" + digestId));

        assertThat(topic.entriesOf(digestId)).extracting(e -> e.value().get("title").asText())
                .containsExactly("Keys Decide Identity");
        Response withoutKey = post("text/plain", other, "");
        withoutKey.then().statusCode(202);
        assertThat(withoutKey.jsonPath().getString("digestId")).isNotEqualTo(digestId);
    }

    @Test
    void writes_need_an_accepted_bearer_token() {
        byte[] body = page("Tokens Guard Writes", "Nobody without a token may publish, and the refusal says how to get in.");

        Response missing = given().contentType("text/plain").body(body).post("/digests");
        Problems.assertProblem(missing, 401, "Authorization: Bearer");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        Problems.assertProblem(given().header("Authorization", "Bearer wrong-token").contentType("text/plain")
                .body(body).post("/digests"), 401, "not accepted");
        Problems.assertProblem(given().header("Authorization", "Basic dGVzdC10b2tlbjo=").contentType("text/plain")
                .body(body).post("/digests"), 401, "not accepted");
        Problems.assertProblem(given().header("Authorization", "Bearer test-token-and-more").contentType("text/plain")
                .body(body).post("/digests"), 401, "not accepted");

        given().header("Authorization", "Bearer second-token").contentType("text/plain").body(body).post("/digests")
                .then().statusCode(202);
    }

    @Test
    void bad_input_is_refused_with_400_problems() {
        Problems.assertProblem(post("text/plain", new byte[0], ""), 400, "empty");
        Problems.assertProblem(post("text/plain", " \n\r\n\t ".getBytes(StandardCharsets.UTF_8), ""), 400, "empty");
        Problems.assertProblem(post("text/plain", "new\n\nSubscribe\n\nMar 14\n".getBytes(StandardCharsets.UTF_8), ""),
                400, "No entry found");
        Problems.assertProblem(post("application/json", "{\"entries\": [{\"title\": ".getBytes(StandardCharsets.UTF_8), ""),
                400, "Malformed JSON");
        Problems.assertProblem(post("application/json",
                "{\"entries\": [{\"title\": \"A\"}, {\"abstract\": \"B\"}]}".getBytes(StandardCharsets.UTF_8), ""),
                400, "entries[1] has no title");
        Problems.assertProblem(post("application/json",
                "{\"entries\": {\"title\": \"A\"}}".getBytes(StandardCharsets.UTF_8), ""), 400, "must be an array");
        Problems.assertProblem(post("application/json",
                "{\"date\": \"March 14\", \"entries\": [{\"title\": \"A\"}]}".getBytes(StandardCharsets.UTF_8), ""),
                400, "is not a date");
        Problems.assertProblem(post("application/atom+xml", "<feed><entry>".getBytes(StandardCharsets.UTF_8), ""),
                400, "Malformed XML");
        Problems.assertProblem(post("application/atom+xml", ("<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&x;</title></entry></feed>")
                .getBytes(StandardCharsets.UTF_8), ""), 400, "DTDs");
        Problems.assertProblem(post("text/plain", new byte[] {'T', 'i', (byte) 0xC3, (byte) 0x28, '\n'}, ""),
                400, "not valid UTF-8");
        byte[] body = page("Dates Must Parse", "A digest whose date parameter is nonsense is refused before anything is published.");
        Problems.assertProblem(post("text/plain", body, "?date=2024-02-30"), 400, "date parameter");
        Problems.assertProblem(post("text/plain", body, "?year=twenty"), 400, "year parameter");
        Problems.assertProblem(post("text/plain", body, "?yaer=2024"), 400,
                "Unknown query parameter yaer: POST /digests takes date, year and source.");
        Problems.assertProblem(given().header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", "has space")
                .contentType("text/plain").body(body).post("/digests"), 400, "Idempotency-Key");
    }

    @Test
    void odd_input_never_gives_a_500() {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        byte[] hugeLine = "a".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("{\"entries\": " + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] nul = page("Null\u0000Bytes", "Control characters \u0000 are dropped from titles and abstracts alike, never stored.");
        for (String type : List.of("text/plain", "application/json", "application/atom+xml")) {
            for (byte[] body : List.of(junk, hugeLine, nested)) {
                assertThat(post(type, body, "").statusCode()).as(type).isEqualTo(400);
            }
        }
        post("text/plain", nul, "").then().statusCode(202);
        Problems.assertProblem(post("text/plain; charset=klingon", nul, ""), 415, "charset");
        Problems.assertProblem(post("no-slash", nul, ""), 415, "content-type");
        Problems.assertProblem(given().header("Authorization", "Bearer " + TOKEN).get("/digests"), 405, "");
        Problems.assertProblem(given().get("/nowhere"), 404, "");
    }

    @Test
    void unknown_or_missing_media_types_get_415() {
        Problems.assertProblem(post("image/png", new byte[] {1, 2, 3}, ""), 415, "image/png is not a digest format");
        Response noType = given().header("Authorization", "Bearer " + TOKEN)
                .body(new byte[] {'x'}).noContentType().post("/digests");
        assertThat(noType.statusCode()).isEqualTo(415);
    }

    @Test
    void too_large_bodies_and_too_many_entries_get_413() throws IOException {
        byte[] overLimit = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(overLimit, (byte) 'a');
        Response chunked = given().header("Authorization", "Bearer " + TOKEN).contentType("text/plain")
                .body(new ByteArrayInputStream(overLimit)).post("/digests");
        Problems.assertProblem(chunked, 413, "larger than the limit of 5242880 bytes");
        assertThat(declaringOnly(64L * 1024 * 1024)).startsWith("HTTP/1.1 413")
                .contains("application/problem+json").contains("larger than the limit of 5242880 bytes");

        StringBuilder json = new StringBuilder("{\"entries\": [");
        for (int i = 0; i <= 5000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\": \"Paper ").append(i).append("\"}");
        }
        Problems.assertProblem(post("application/json", json.append("]}").toString().getBytes(StandardCharsets.UTF_8), ""),
                413, "5001 entries; at most 5000");
    }

    /** Sends only the headers of a POST declaring a body of {@code length} bytes; returns the raw response. */
    private static String declaringOnly(long length) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /digests HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] page(String title, String abstractText) {
        return (title + "\n\n" + abstractText + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Response post(String contentType, byte[] body, String query) {
        return given().header("Authorization", "Bearer " + TOKEN)
                .contentType(contentType).body(body)
                .when().post("/digests" + query);
    }
}
