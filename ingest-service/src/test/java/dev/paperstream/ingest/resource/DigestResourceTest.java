package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.ingest.domain.SampleDigest;
import dev.paperstream.ingest.resource.DigestEntriesTopicReader.Published;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class DigestResourceTest {

    static final String TOKEN = "test-token";

    private static DigestEntriesTopicReader topic;

    @BeforeAll
    static void readTopic() {
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
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 104).boxed().toList());
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

    static Response post(String contentType, byte[] body, String query) {
        return given().header("Authorization", "Bearer " + TOKEN)
                .contentType(contentType).body(body)
                .when().post("/digests" + query);
    }
}
