package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.AGENT_TITLE;
import static dev.paperstream.query.KnownCatalog.FROM;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static dev.paperstream.query.KnownCatalog.REGISTERS;
import static dev.paperstream.query.KnownCatalog.TINY;
import static dev.paperstream.query.KnownCatalog.TO;
import static dev.paperstream.query.KnownCatalog.VISUAL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class PaperResourceTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    private static RequestSpecification known() {
        return given().queryParam("from", FROM).queryParam("to", TO);
    }

    private static List<String> ids(RequestSpecification request) {
        return request.when().get("/papers").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void listsNewestFirstWithTopicsLinkKindsAndShortAbstract() {
        known().when().get("/papers").then()
                .statusCode(200)
                .contentType("application/json")
                .body("items.id", contains(REGISTERS, LORA_FLOW, MOLA, AGENT, VISUAL, TINY))
                .body("nextCursor", nullValue())
                .body("items[1].title", equalTo("LoRA-Flow: Dynamic LoRA Fusion for Large Language Models"))
                .body("items[1].topics", contains("peft", "llm"))
                .body("items[1].linkKinds", contains("code"))
                .body("items[1].firstSeen", equalTo("2026-03-14"))
                .body("items[1].shortAbstract", equalTo("We fuse low-rank adaptation (LoRA) modules per token. On"
                        + " LLaMA-7B it improves GSM8K. Code: https://github.com/x/loraflow"));
    }

    @Test
    void limitCutsThePageAndGivesACursor() {
        var page = known().queryParam("limit", 4).when().get("/papers").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(REGISTERS, LORA_FLOW, MOLA, AGENT);
        String cursor = page.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        known().queryParam("limit", 4).queryParam("cursor", cursor).when().get("/papers").then()
                .statusCode(200)
                .body("items.id", contains(VISUAL, TINY))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersByTopicsAllOfWhichMustMatch() {
        assertThat(ids(known().queryParam("topic", "peft"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(known().queryParam("topic", "vision"))).containsExactly(REGISTERS, VISUAL);
        assertThat(ids(known().queryParam("topic", "vision").queryParam("topic", "llm"))).containsExactly(VISUAL);
        assertThat(ids(known().queryParam("topic", "peft").queryParam("topic", "agents"))).isEmpty();
    }

    @Test
    void filtersByModelAndBenchmarkIgnoringCase() {
        assertThat(ids(known().queryParam("model", "llama"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(known().queryParam("benchmark", "gsm8k"))).containsExactly(LORA_FLOW);
        assertThat(ids(known().queryParam("benchmark", "WebArena"))).containsExactly(AGENT);
        assertThat(ids(known().queryParam("model", "GPT-5"))).isEmpty();
    }

    @Test
    void filtersByCodeAndLinkKind() {
        assertThat(ids(known().queryParam("hasCode", "true"))).containsExactly(LORA_FLOW, MOLA, AGENT);
        assertThat(ids(known().queryParam("hasCode", "FALSE"))).containsExactly(REGISTERS, VISUAL, TINY);
        assertThat(ids(known().queryParam("linkKind", "dataset"))).containsExactly(REGISTERS);
        assertThat(ids(known().queryParam("linkKind", "model"))).containsExactly(MOLA);
    }

    @Test
    void filtersByDigestAndFirstSeenDates() {
        assertThat(ids(given().queryParam("digest", "d-0314"))).containsExactly(REGISTERS, LORA_FLOW, AGENT);
        assertThat(ids(given().queryParam("digest", "d-0315"))).as("received, nothing enriched yet").isEmpty();
        assertThat(ids(given().queryParam("from", "2026-03-13").queryParam("to", "2026-03-14")))
                .containsExactly(REGISTERS, LORA_FLOW, MOLA);
        assertThat(ids(given().queryParam("from", "2026-02-21").queryParam("to", "2026-02-21")))
                .containsExactly(VISUAL);
        assertThat(ids(given().queryParam("topic", "llm").queryParam("hasCode", "true").queryParam("model", "LLaMA")
                .queryParam("from", "2026-03-14"))).containsExactly(LORA_FLOW);
    }

    @Test
    void searchRanksTitleMatchesFirst() {
        assertThat(ids(given().queryParam("q", "lora"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(given().queryParam("q", "registers vision"))).containsExactly(REGISTERS);
        assertThat(ids(given().queryParam("q", "lora").queryParam("sort", "recent"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(given().queryParam("q", "lora").queryParam("topic", "peft").queryParam("model", "llama")))
                .containsExactly(LORA_FLOW, MOLA);
    }

    @Test
    void searchUnderstandsPhrasesAndExclusion() {
        assertThat(ids(given().queryParam("q", "\"instruction tuning\""))).containsExactlyInAnyOrder(TINY, VISUAL);
        assertThat(ids(given().queryParam("q", "\"instruction tuning\" -vision"))).containsExactly(TINY);
        assertThat(ids(given().queryParam("q", "\"tuning instruction\""))).isEmpty();
        assertThat(ids(given().queryParam("q", "registers or webarena"))).containsExactlyInAnyOrder(REGISTERS, AGENT);
    }

    @Test
    void searchPagesByRelevanceWithoutLosingOrRepeatingPapers() {
        // four papers match; the test search pool ranks the newest three
        List<String> all = ids(given().queryParam("q", "language models"));
        assertThat(all).containsExactlyInAnyOrder(LORA_FLOW, MOLA, VISUAL);
        assertThat(ids(given().queryParam("q", "language models").queryParam("sort", "recent")))
                .containsExactly(LORA_FLOW, MOLA, VISUAL, TINY);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", "language models").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/papers").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void textThatLooksLikeSqlOrHtmlIsJustText() {
        given().queryParam("q", "'; drop table paper; --").when().get("/papers").then()
                .statusCode(200).body("items.id", contains(AGENT));
        given().queryParam("q", "<script>alert(1)</script>").when().get("/papers").then()
                .statusCode(200).body("items", empty());
        given().queryParam("q", "flights").when().get("/papers").then()
                .statusCode(200)
                .body("items.id", contains(AGENT))
                .body("items[0].title", equalTo(AGENT_TITLE));
        given().queryParam("model", "x' or '1'='1").when().get("/papers").then()
                .statusCode(200).body("items", empty());
        given().when().get("/papers/" + LORA_FLOW).then().statusCode(200);
    }

    @Test
    void detailCarriesEverything() {
        given().when().get("/papers/" + LORA_FLOW).then()
                .statusCode(200)
                .body("id", equalTo(LORA_FLOW))
                .body("arxivId", equalTo("2603.00001"))
                .body("abstract", equalTo("We fuse low-rank adaptation (LoRA) modules per token. On LLaMA-7B it"
                        + " improves GSM8K. Code: https://github.com/x/loraflow"))
                .body("url", equalTo("https://arxiv.org/abs/2603.00001"))
                .body("firstSeen", equalTo("2026-03-14"))
                .body("topics.slug", contains("peft", "llm"))
                .body("topics[0].name", equalTo("Parameter-efficient fine-tuning"))
                .body("topics[0].score", equalTo(0.9f))
                .body("topics[0].evidence", contains("LoRA", "low-rank adaptation"))
                .body("links.url", contains("https://github.com/x/loraflow", "https://github.com/x/loraflow/tree/main"))
                .body("links[0].kind", equalTo("code"))
                .body("links[0].target", equalTo("x/loraflow"))
                .body("mentions.name", contains("GSM8K", "LLaMA"))
                .body("mentions[1].size", equalTo("7B"))
                .body("appearances.digestId", contains("d-0314"))
                .body("appearances[0].digestDate", equalTo("2026-03-14"))
                .body("appearances[0].position", equalTo(1));
        given().when().get("/papers/" + AGENT).then()
                .statusCode(200)
                .body("title", equalTo(AGENT_TITLE))
                .body("appearances.digestId", contains("d-0305", "d-0314"));
    }

    @Test
    void unknownPaperIsA404Problem() {
        given().when().get("/papers/arxiv-0000.00000").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("https://paperstream.dev/problems/not-found"))
                .body("detail", equalTo("no paper with id arxiv-0000.00000"))
                .body("instance", equalTo("/papers/arxiv-0000.00000"));
        given().when().get("/papers/arxiv-0000.00000/related").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no paper with id arxiv-0000.00000"));
    }

    @Test
    void relatedPapersShareTopicsMentionsAndWordsAndSayWhy() {
        given().when().get("/papers/" + LORA_FLOW + "/related").then()
                .statusCode(200)
                .body("paperId", equalTo(LORA_FLOW))
                .body("items[0].id", equalTo(MOLA))
                .body("items[0].why.sharedTopics", contains("llm", "peft"))
                .body("items[0].why.sharedMentions", contains("LLaMA"))
                .body("items[0].why.summary", equalTo("shares topics llm, peft; names LLaMA; has a similar title"))
                .body("items.id", hasItems(AGENT, TINY, VISUAL))
                .body("items.id", not(hasItems(LORA_FLOW)));
        var items = given().when().get("/papers/" + REGISTERS + "/related").then().statusCode(200)
                .extract().jsonPath();
        assertThat(items.getString("items[0].id")).isEqualTo(VISUAL);
        assertThat(items.getList("items[0].why.sharedTopics")).containsExactly("vision");
        List<Float> scores = items.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void relatedNeverListsThePaperItself() {
        given().when().get("/papers/" + TINY + "/related").then()
                .statusCode(200)
                .body("items.id", hasItems(VISUAL))
                .body("items.id", everyItem(not(equalTo(TINY))));
    }
}
