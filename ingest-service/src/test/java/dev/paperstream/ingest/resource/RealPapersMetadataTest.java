package dev.paperstream.ingest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.ingest.domain.ArxivListings;
import dev.paperstream.ingest.domain.ArxivListings.Paper;
import dev.paperstream.ingest.resource.DigestEntriesTopicReader.Published;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

/**
 * Real papers of the arXiv listings, sent as an Atom feed and as a Hugging Face daily-papers list through
 * {@code POST /digests}, arrive on {@code digest-entries} with their authors in order and their categories; a page
 * with a line it cannot place says so in its receipt, also when it is sent again.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class RealPapersMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAPERS = 25;

    private static DigestEntriesTopicReader topic;

    @BeforeAll
    static void readTopic() {
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        topic = new DigestEntriesTopicReader();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void an_atom_feed_of_real_papers_publishes_their_authors_and_categories_primary_first() {
        List<Paper> papers = ArxivListings.day("2025-06-02").subList(0, PAPERS);

        Response response = DigestResourceTest.post("application/atom+xml", atomFeed(papers), "");

        response.then().statusCode(202);
        List<Published> entries = topic.entriesOf(response.jsonPath().getString("digestId"));
        assertThat(entries).hasSize(PAPERS);
        for (int i = 0; i < PAPERS; i++) {
            JsonNode entry = entries.get(i).value();
            assertThat(entry.get("arxivId").asText()).isEqualTo(papers.get(i).arxivId());
            assertThat(texts(entry.get("authors"))).isEqualTo(papers.get(i).authors());
            assertThat(texts(entry.get("categories"))).isEqualTo(papers.get(i).categories());
            assertThat(entry.has("upvotes")).isFalse();
        }
        assertThat(entries).filteredOn(e -> e.value().get("categories").size() > 1).isNotEmpty();
    }

    @Test
    void a_hugging_face_list_of_real_papers_publishes_their_authors_and_upvotes() {
        List<Paper> papers = ArxivListings.day("2026-03-05").subList(0, PAPERS);

        Response response = DigestResourceTest.post("application/json", huggingFaceList(papers), "");

        response.then().statusCode(202);
        List<Published> entries = topic.entriesOf(response.jsonPath().getString("digestId"));
        assertThat(entries).hasSize(PAPERS);
        for (int i = 0; i < PAPERS; i++) {
            JsonNode entry = entries.get(i).value();
            assertThat(entry.get("arxivId").asText()).isEqualTo(papers.get(i).arxivId());
            assertThat(texts(entry.get("authors"))).isEqualTo(papers.get(i).authors());
            assertThat(entry.get("upvotes").asInt()).isEqualTo(10 * i);
            assertThat(entry.has("categories")).isFalse();
        }
    }

    @Test
    void a_page_with_a_line_it_cannot_place_names_it_in_the_receipt_each_time() {
        String page = """
                Trending Today

                Sparse Adapters for Tiny Models Revisited

                We adapt tiny models with sparse adapters and show it works well on many tasks, with few parameters.
                """;

        Response first = DigestResourceTest.post("text/plain", page.getBytes(StandardCharsets.UTF_8), "");
        Response again = DigestResourceTest.post("text/plain", page.getBytes(StandardCharsets.UTF_8), "");

        first.then().statusCode(202);
        again.then().statusCode(200);
        for (Response response : List.of(first, again)) {
            assertThat(response.jsonPath().getInt("entries")).isEqualTo(1);
            assertThat(response.jsonPath().getList("unplaced.lines")).containsExactly("1");
            assertThat(response.jsonPath().getList("unplaced.reason")).containsExactly("text before the first title");
        }
        assertThat(DigestResourceTest.post("application/json", "{\"entries\": [{\"title\": \"Unplaced Never\"}]}"
                .getBytes(StandardCharsets.UTF_8), "").jsonPath().getList("unplaced")).isEmpty();
    }

    private static byte[] atomFeed(List<Paper> papers) {
        StringBuilder feed = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n");
        for (Paper paper : papers) {
            feed.append("<entry><id>http://arxiv.org/abs/").append(paper.arxivId()).append("v1</id>")
                    .append("<published>2025-06-02T00:00:00Z</published>")
                    .append("<title>").append(xml(paper.title())).append("</title>")
                    .append("<summary>").append(xml(paper.abstractText())).append("</summary>");
            paper.authors().forEach(name -> feed.append("<author><name>").append(xml(name)).append("</name></author>"));
            feed.append("<arxiv:primary_category term=\"").append(xml(paper.categories().get(0))).append("\"/>");
            paper.categories().forEach(term -> feed.append("<category term=\"").append(xml(term)).append("\"/>"));
            feed.append("</entry>\n");
        }
        return feed.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huggingFaceList(List<Paper> papers) {
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            ObjectNode item = list.addObject();
            item.put("publishedAt", "2026-03-05T02:00:00.000Z");
            ObjectNode hfPaper = item.putObject("paper");
            hfPaper.put("id", paper.arxivId());
            hfPaper.put("title", paper.title());
            hfPaper.put("summary", paper.abstractText());
            hfPaper.put("upvotes", 10 * i);
            ArrayNode authors = hfPaper.putArray("authors");
            paper.authors().forEach(name -> authors.addObject().put("name", name).put("hidden", false));
        }
        return list.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : JSON.convertValue(array, JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
    }
}
