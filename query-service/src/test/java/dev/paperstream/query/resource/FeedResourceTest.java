package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.AGENT_TITLE;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import dev.paperstream.query.AtomValidity;
import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class FeedResourceTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    @Test
    void topicFeedIsAtomWithTheTopicsPapersNewestFirst() throws Exception {
        byte[] body = given().when().get("/feeds/topics/peft.atom").then()
                .statusCode(200)
                .contentType("application/atom+xml")
                .extract().asByteArray();
        Element feed = parseAtom(body);
        assertThat(text(feed, "title")).isEqualTo("paperstream: Parameter-efficient fine-tuning");
        assertThat(text(feed, "id")).isEqualTo("tag:paperstream.dev,2026:feed:topic:peft");
        List<Element> entries = children(feed, "entry");
        assertThat(entries).extracting(entry -> text(entry, "id")).containsExactly(
                "tag:paperstream.dev,2026:paper:" + LORA_FLOW, "tag:paperstream.dev,2026:paper:" + MOLA);
        Element first = entries.get(0);
        assertThat(text(first, "title")).isEqualTo("LoRA-Flow: Dynamic LoRA Fusion for Large Language Models");
        assertThat(AtomValidity.link(first, "alternate")).isEqualTo("http://localhost:8083/p/" + LORA_FLOW);
        assertThat(AtomValidity.link(first, "related")).isEqualTo("https://arxiv.org/abs/2603.00001");
        assertThat(children(first, "category")).extracting(c -> c.getAttribute("term")).containsExactly("peft", "llm");
        assertThat(text(first, "summary")).startsWith("We fuse low-rank adaptation");
    }

    @Test
    void searchFeedKeepsMarkupAsText() throws Exception {
        Element markup = parseAtom(given().queryParam("q", "<script>alert(1)</script>").when()
                .get("/feeds/search.atom").then().statusCode(200).contentType("application/atom+xml")
                .extract().asByteArray());
        assertThat(text(markup, "title")).isEqualTo("paperstream: <script>alert(1)</script>");

        Element feed = parseAtom(given().queryParam("q", "books flights").when().get("/feeds/search.atom").then()
                .statusCode(200)
                .contentType("application/atom+xml")
                .extract().asByteArray());
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(1);
        assertThat(text(entries.get(0), "title")).isEqualTo(AGENT_TITLE);
        assertThat(AtomValidity.link(entries.get(0), "alternate")).endsWith("/p/" + AGENT);
    }

    @Test
    void aForgedHostHeaderAppearsNowhereInTheFeed() throws Exception {
        byte[] body = given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .queryParam("q", "books flights").when().get("/feeds/search.atom").then()
                .statusCode(200).extract().asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("evil.example");
        Element feed = parseAtom(body);
        List<String> links = children(feed, "link").stream().map(link -> link.getAttribute("href")).toList();
        assertThat(links).hasSize(2);
        assertThat(links.get(0)).startsWith("http://localhost:8083/feeds/search.atom?q=books");
        assertThat(links.get(1)).isEqualTo("http://localhost:8083/papers?sort=recent&q=books+flights");
        assertThat(AtomValidity.link(children(feed, "entry").get(0), "alternate"))
                .isEqualTo("http://localhost:8083/p/" + AGENT);
    }

    @Test
    void emptyFeedIsStillValidAtom() throws Exception {
        Element feed = parseAtom(given().queryParam("q", "zyxxyzzy").when().get("/feeds/search.atom").then()
                .statusCode(200).extract().asByteArray());
        assertThat(children(feed, "entry")).isEmpty();
    }

    @Test
    void anyPapersFilterIsAFeedOfExactlyThatSearch() throws Exception {
        Element feed = parseAtom(given().urlEncodingEnabled(false).when()
                .get("/feeds/papers.atom?topic=peft&hasCode=true&model=llama").then()
                .statusCode(200).contentType("application/atom+xml").extract().asByteArray());
        List<String> listed = given().urlEncodingEnabled(false).when()
                .get("/papers?topic=peft&hasCode=true&model=llama&limit=50").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(listed).isNotEmpty();
        assertThat(children(feed, "entry")).extracting(entry -> text(entry, "id").replace(TAG_PAPER, ""))
                .containsExactlyElementsOf(listed);
        assertThat(text(feed, "title")).isEqualTo("paperstream: topic=peft, model=llama, hasCode=true");
        assertThat(text(feed, "id")).isEqualTo("tag:paperstream.dev,2026:feed:papers:topic=peft&model=llama&hasCode=true");
        Element first = children(feed, "entry").get(0);
        assertThat(AtomValidity.link(first, "alternate")).isEqualTo("http://localhost:8083/p/" + LORA_FLOW);
        assertThat(AtomValidity.link(first, "related")).isEqualTo("https://arxiv.org/abs/2603.00001");
    }

    @Test
    void aSearchFeedIsNewestFirstAndRefusesWhatPapersRefuses() throws Exception {
        Element feed = parseAtom(given().queryParam("q", "lora").when().get("/feeds/papers.atom").then()
                .statusCode(200).extract().asByteArray());
        List<String> newest = given().queryParam("q", "lora").queryParam("sort", "recent").when().get("/papers")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(children(feed, "entry")).extracting(entry -> text(entry, "id").replace(TAG_PAPER, ""))
                .containsExactlyElementsOf(newest);
        given().queryParam("hasCode", "yes").when().get("/feeds/papers.atom").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", org.hamcrest.Matchers.equalTo("hasCode"))
                .body("detail", org.hamcrest.Matchers.equalTo("hasCode must be true or false"));
        given().queryParam("topics", "peft").when().get("/feeds/papers.atom").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("topics"));
        given().queryParam("topic", "no-such-topic").when().get("/feeds/papers.atom").then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.equalTo("topic"));
    }

    private static final String TAG_PAPER = "tag:paperstream.dev,2026:paper:";

    private static Element parseAtom(byte[] body) throws Exception {
        return AtomValidity.feed(body);
    }

    private static List<Element> children(Element parent, String name) {
        return AtomValidity.children(parent, name);
    }

    private static String text(Element parent, String name) {
        return AtomValidity.text(parent, name);
    }
}
