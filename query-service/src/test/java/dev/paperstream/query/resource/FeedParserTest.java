package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feeds as a feed reader sees them: Python's feedparser (Debian's python3-feedparser, the parser the issue
 * names, which feed readers build on) reads each kind of feed without a complaint ("bozo"), with the entries, titles
 * and links a reader shows. Skipped where Debian's python3 has no feedparser; CI installs it.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class FeedParserTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String READ = """
            import feedparser, json, sys
            d = feedparser.parse(sys.stdin.buffer.read())
            print(json.dumps({"bozo": d.bozo, "problem": str(d.get("bozo_exception", "")), "version": d.version,
                "title": d.feed.get("title"),
                "entries": [{"title": e.title, "link": e.link, "links": [l.href for l in e.links]} for e in d.entries]}))
            """;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/feeds/topics/peft.atom", "/feeds/papers.atom?topic=peft", "/feeds/papers.atom?topic=peft&q=lora",
            "/feeds/search.atom?q=lora"})
    void aFeedReaderReadsTheFeedWithoutComplaintAndSeesItsPapers(String path) throws Exception {
        assumeTrue(hasFeedparser(), "Debian's python3-feedparser is not installed");
        byte[] feed = given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asByteArray();

        JsonNode read = feedparser(feed);

        assertThat(read.get("bozo").asInt()).as(read.get("problem").asText()).isZero();
        assertThat(read.get("version").asText()).isEqualTo("atom10");
        assertThat(read.get("title").asText()).startsWith("paperstream: ");
        List<String> links = read.get("entries").findValuesAsText("link");
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).startsWith("http://localhost:8083/p/"));
        assertThat(links).contains("http://localhost:8083/p/" + LORA_FLOW);
        if (path.contains("peft") && !path.contains("q=")) {
            assertThat(links).containsExactly("http://localhost:8083/p/" + LORA_FLOW, "http://localhost:8083/p/" + MOLA);
        }
        for (JsonNode entry : read.get("entries")) {
            assertThat(entry.get("title").asText()).isNotBlank();
            assertThat(entry.get("links").toString()).contains("https://arxiv.org/abs/");
        }
    }

    private static boolean hasFeedparser() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser").redirectErrorStream(true).start();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    private static JsonNode feedparser(byte[] feed) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", READ).start();
        try (var in = python.getOutputStream()) {
            in.write(feed);
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(err).isZero();
        return new ObjectMapper().readTree(out);
    }
}
