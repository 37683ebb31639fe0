package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Topics, trending topics, links and digests over the known catalogue. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class CatalogueOverviewTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    private static Map<String, Object> topic(JsonPath topics, String slug) {
        return topics.getMap("find { it.slug == '" + slug + "' }");
    }

    @Test
    void topicsCarryNameAndPaperCount() {
        JsonPath topics = given().when().get("/topics").then().statusCode(200).extract().jsonPath();
        assertThat(topic(topics, "peft")).containsEntry("name", "Parameter-efficient fine-tuning")
                .containsEntry("paperCount", 2);
        assertThat(topic(topics, "llm")).containsEntry("paperCount", 5);
        assertThat(topic(topics, "vision")).containsEntry("paperCount", 2);
        assertThat(topic(topics, "agents")).containsEntry("paperCount", 1);
        List<String> slugs = topics.getList("slug");
        assertThat(slugs).isSorted().doesNotHaveDuplicates();
        JsonPath papers = given().queryParam("limit", 100).when().get("/papers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(papers.getString("nextCursor")).as("all test papers fit one page").isNull();
        long assignments = papers.getList("items.topics.flatten()").size();
        assertThat(topics.getList("paperCount", Integer.class).stream().mapToLong(Integer::longValue).sum())
                .as("counts add up to the topic assignments of all papers").isEqualTo(assignments);
    }

    @Test
    void topicCountsAddUpToTheListings() {
        JsonPath topics = given().when().get("/topics").then().statusCode(200).extract().jsonPath();
        for (String slug : List.of("peft", "llm", "vision", "agents")) {
            int listed = given().queryParam("topic", slug).queryParam("limit", 100).when().get("/papers").then()
                    .statusCode(200).extract().jsonPath().getList("items").size();
            assertThat(topic(topics, slug)).containsEntry("paperCount", listed);
        }
    }

    @Test
    void trendingPutsRisingTopicsFirst() {
        given().queryParam("window", "7d").queryParam("asOf", "2026-03-14").when().get("/topics/trending").then()
                .statusCode(200)
                .body("window", equalTo("7d"))
                .body("from", equalTo("2026-03-08"))
                .body("to", equalTo("2026-03-14"))
                .body("previousFrom", equalTo("2026-03-01"))
                .body("previousTo", equalTo("2026-03-07"))
                .body("items.slug", contains("peft", "llm", "vision", "agents"))
                .body("items.count", contains(2, 2, 1, 0))
                .body("items.previousCount", contains(0, 1, 0, 1))
                .body("items.change", contains(2, 1, 1, -1));
        given().queryParam("window", "1d").queryParam("asOf", "2026-03-13").when().get("/topics/trending").then()
                .statusCode(200)
                .body("items.slug", contains("llm", "peft"))
                .body("items.change", contains(1, 1));
        given().queryParam("window", "1d").queryParam("asOf", "2026-03-15").when().get("/topics/trending").then()
                .statusCode(200)
                .body("items.slug", contains("llm", "peft", "vision"))
                .body("items.previousCount", contains(1, 1, 1))
                .body("items.change", contains(-1, -1, -1));
        given().when().get("/topics/trending").then().statusCode(200).body("window", equalTo("7d"));
    }

    @Test
    void linksListTargetsMostLinkedFirstCountingEachPaperOnce() {
        given().queryParam("kind", "code").when().get("/links").then()
                .statusCode(200)
                .body("items.target", contains("x/loraflow", "y/agent"))
                .body("items.kind", contains("code", "code"))
                .body("items.paperCount", contains(2, 1))
                .body("items[0].papers.id", contains(LORA_FLOW, MOLA))
                .body("items[1].papers.title", contains(KnownCatalog.AGENT_TITLE));
        given().queryParam("kind", "dataset").when().get("/links").then()
                .statusCode(200)
                .body("items.target", contains("org/imagenet-x"));
        given().queryParam("limit", 1).when().get("/links").then()
                .statusCode(200)
                .body("items.target", contains("x/loraflow"));
    }

    @Test
    void digestProgressComparesReceiptWithEnrichedEntries() {
        given().when().get("/digests/d-0314").then()
                .statusCode(200)
                .body("id", equalTo("d-0314"))
                .body("date", equalTo("2026-03-14"))
                .body("received", equalTo(3))
                .body("enriched", equalTo(3))
                .body("status", equalTo("complete"));
        given().when().get("/digests/d-0313").then()
                .statusCode(200).body("received", equalTo(2)).body("enriched", equalTo(1))
                .body("status", equalTo("pending"));
        given().when().get("/digests/d-0315").then()
                .statusCode(200).body("received", equalTo(5)).body("enriched", equalTo(0))
                .body("status", equalTo("pending"))
                .body("lastEnrichedAt", nullValue());
        given().when().get("/digests/d-0305").then()
                .statusCode(200).body("received", equalTo(1)).body("enriched", equalTo(1))
                .body("status", equalTo("complete"));
    }

    @Test
    void digestsPageNewestFirst() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/digests").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(ids).containsSubsequence("d-0315", "d-0314", "d-0313", "d-0305", "d-0220").doesNotHaveDuplicates();
    }

    @Test
    void digestFilterListsItsPapers() {
        given().queryParam("digest", "d-0305").when().get("/papers").then()
                .statusCode(200).body("items.id", contains(AGENT));
    }

    @Test
    void readinessReportsTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
