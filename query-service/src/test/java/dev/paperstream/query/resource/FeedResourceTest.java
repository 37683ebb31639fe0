package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.AGENT_TITLE;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class FeedResourceTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

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
        assertThat(children(first, "link").get(0).getAttribute("href")).isEqualTo("https://arxiv.org/abs/2603.00001");
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
        assertThat(children(entries.get(0), "link").get(0).getAttribute("href")).endsWith("/papers/" + AGENT);
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
        assertThat(children(children(feed, "entry").get(0), "link").get(0).getAttribute("href"))
                .isEqualTo("http://localhost:8083/papers/" + AGENT);
    }

    @Test
    void emptyFeedIsStillValidAtom() throws Exception {
        Element feed = parseAtom(given().queryParam("q", "zyxxyzzy").when().get("/feeds/search.atom").then()
                .statusCode(200).extract().asByteArray());
        assertThat(children(feed, "entry")).isEmpty();
    }

    /** Parses as namespace-aware XML and checks what RFC 4287 requires of a feed and of each entry. */
    private static Element parseAtom(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        requireAtomBasics(feed);
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(children(feed, "link")).extracting(l -> l.getAttribute("rel")).contains("self");
        for (Element entry : children(feed, "entry")) {
            requireAtomBasics(entry);
        }
        return feed;
    }

    private static void requireAtomBasics(Element element) {
        assertThat(children(element, "id")).hasSize(1);
        assertThat(children(element, "title")).hasSize(1);
        assertThat(children(element, "updated")).hasSize(1);
        assertThat(text(element, "id")).contains(":");
        assertThat(OffsetDateTime.parse(text(element, "updated"))).isNotNull();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
