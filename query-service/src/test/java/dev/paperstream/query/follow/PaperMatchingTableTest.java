package dev.paperstream.query.follow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.filter.PaperFacts;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperMatcher;
import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.CatalogRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The table of matching cases that paper-filter's PaperMatcherTest runs in memory, here through GET /papers over a
 * real catalogue: the SQL must select exactly the same papers, so the two paths cannot drift apart.
 */
@QuarkusTest
@TestProfile(OwnCatalogue.class)
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class PaperMatchingTableTest {

    private static final Path TABLE = Path.of("../paper-filter/src/test/resources/dev/paperstream/filter/matching-cases.json");

    record Case(String filter, Set<String> matches) {
        @Override
        public String toString() {
            return filter.isEmpty() ? "(no filter)" : filter;
        }
    }

    @Inject
    DataSource dataSource;

    private static boolean loaded;

    @BeforeEach
    void catalogue() {
        if (loaded) {
            return;
        }
        CatalogRows rows = new CatalogRows(dataSource);
        for (JsonNode paper : table().get("papers")) {
            String id = paper.get("id").asText();
            LocalDate firstSeen = LocalDate.parse(paper.get("firstSeen").asText());
            rows.paper(id, paper.get("title").asText(), paper.get("abstract").asText(), firstSeen);
            if (!paper.get("authors").isEmpty() || !paper.get("categories").isEmpty()) {
                rows.metadata(id, strings(paper.get("authors")), strings(paper.get("categories")));
            }
            List<String> topics = strings(paper.get("topics"));
            for (int i = 0; i < topics.size(); i++) {
                rows.topic(topics.get(i), topics.get(i)).paperTopic(id, topics.get(i), 0.9 - i * 0.1);
            }
            for (String kind : strings(paper.get("links"))) {
                rows.link(id, "https://example.org/" + id + "/" + kind, kind, id);
            }
            for (String model : strings(paper.get("models"))) {
                rows.mention(id, "model", model, "", model);
            }
            for (String benchmark : strings(paper.get("benchmarks"))) {
                rows.mention(id, "benchmark", benchmark, "", benchmark);
            }
            int position = 1;
            for (String digest : strings(paper.get("digests"))) {
                rows.digest(digest, LocalDate.parse(digest.substring(2)), 10).appearance(digest, id, position++);
            }
        }
        loaded = true;
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        table().get("cases").forEach(node -> cases.add(new Case(node.get("filter").asText(),
                Set.copyOf(strings(node.get("matches"))))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void papersSelectsExactlyTheTablesPapers(Case c) {
        Set<String> tablePapers = new HashSet<>();
        table().get("papers").forEach(paper -> tablePapers.add(paper.get("id").asText()));
        Set<String> selected = new HashSet<>();
        String cursor = null;
        do {
            // relevance ranks only the newest matches (SearchPool); which papers match is recent order's question
            boolean relevance = c.filter().contains("q=") && !c.filter().contains("sort=");
            String query = c.filter() + (c.filter().isEmpty() ? "" : "&") + (relevance ? "sort=recent&" : "")
                    + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
            var page = given().urlEncodingEnabled(false).when().get("/papers?" + query)
                    .then().statusCode(200).extract().jsonPath();
            selected.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        selected.retainAll(tablePapers);
        assertThat(selected).containsExactlyInAnyOrderElementsOf(c.matches());
    }

    /**
     * Text search on real abstracts: the matcher against PostgreSQL's own {@code search @@ websearch_to_tsquery} on
     * one day of the shared arXiv corpus, for searches as people type them. Prints the agreement; every
     * disagreement is listed, and more than one in a thousand fails.
     */
    @org.junit.jupiter.api.Test
    void textSearchAgreesWithPostgresOnRealAbstracts() throws Exception {
        Path day = Path.of(System.getProperty("paperstream.shared.dir", "../../shared"), "corpus/arxiv-listings/2025-06-02.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<PaperFacts> papers = new ArrayList<>();
        CatalogRows rows = new CatalogRows(dataSource);
        for (String line : java.nio.file.Files.readAllLines(day)) {
            JsonNode paper = json.readTree(line);
            String id = "corpus-" + paper.get("arxivId").asText();
            rows.paper(id, paper.get("title").asText(), paper.get("abstract").asText(), LocalDate.of(2025, 6, 2));
            papers.add(new PaperFacts(id, paper.get("title").asText(), paper.get("abstract").asText(), null, null,
                    null, null, null, null, null, LocalDate.of(2025, 6, 2)));
        }
        List<String> searches = List.of("lora", "\"large language models\"", "diffusion -image",
                "reinforcement learning or RLHF", "state-of-the-art", "fine-tuning", "GPT-4", "3D", "zero-shot",
                "multi-modal", "LLaMA-2", "retrieval augmented generation", "graph neural network",
                "vision-language", "chain-of-thought", "\"in the wild\"", "real-time", "sub-quadratic attention",
                "robots or robotic -simulation", "benchmark dataset", "we propose", "Transformer's",
                "text-to-image", "e-commerce", "COVID-19", "1.5", "arXiv", "physics-informed neural networks",
                "self-supervised", "mixture-of-experts");
        int pairs = 0;
        List<String> disagreements = new ArrayList<>();
        for (String search : searches) {
            Set<String> postgres = new HashSet<>();
            try (var connection = dataSource.getConnection();
                 var statement = connection.prepareStatement("select id from paper where id like 'corpus-%'"
                         + " and search @@ websearch_to_tsquery('english', ?)")) {
                statement.setString(1, search);
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        postgres.add(result.getString(1));
                    }
                }
            }
            PaperFilter filter = PaperFilter.parse(java.util.Map.of("q", List.of(search)));
            for (PaperFacts paper : papers) {
                pairs++;
                if (PaperMatcher.matches(filter, paper) != postgres.contains(paper.id())) {
                    disagreements.add(search + " / " + paper.id() + " (PostgreSQL: " + postgres.contains(paper.id()) + ")");
                }
            }
        }
        System.out.printf("text search on %d real papers x %d searches: %d of %d pairs agree with PostgreSQL%n",
                papers.size(), searches.size(), pairs - disagreements.size(), pairs);
        disagreements.forEach(d -> System.out.println("  disagrees: " + d));
        assertThat(disagreements.size()).as("disagreements " + disagreements).isLessThanOrEqualTo(pairs / 1000);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode table() {
        try {
            return new ObjectMapper().readTree(TABLE.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("the table of matching cases is paper-filter's: " + TABLE, e);
        }
    }
}
