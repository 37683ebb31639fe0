package dev.paperstream.query.resource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.paperstream.devstack.property.HostileText;
import dev.paperstream.devstack.property.PropertyCheck;
import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The query door under hostile parameter values, through real HTTP and a real PostgreSQL: whatever a client
 * puts in a query parameter or a path segment, the answer is a page, a redirect or a problem document naming
 * what was wrong, never a 5xx. Values are random text of every plane, controls, lone surrogates and the
 * fragments that broke the text scanners (URLs, dots, brackets, search operators), cut to what fits in a URL.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class HostileQueryTest {

    private static final int TRIES = 20;
    /** Long enough for every fragment; short enough that the encoded request line fits the server's limit. */
    private static final int MAX_VALUE_LENGTH = 300;
    private static final Set<Integer> ANSWERS = Set.of(200, 308, 400, 404);
    private static final List<String> SEARCH_SYNTAX = List.of("\"", "-", " OR ", "!", "&", "|", ":*", "(", ")", "<->",
            "'", "\\", "%", "_", "*", "--", ";", "/*", "$$", "\u0000");

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    @ParameterizedTest(name = "{0}?{1}=<hostile>")
    @CsvSource({
            "/papers, q", "/papers, topic", "/papers, model", "/papers, benchmark", "/papers, hasCode",
            "/papers, linkKind", "/papers, digest", "/papers, author", "/papers, category", "/papers, from",
            "/papers, to", "/papers, sort", "/papers, limit", "/papers, cursor",
            "/topics/trending, window", "/topics/trending, asOf", "/links, kind", "/links, limit",
            "/digests, limit", "/digests, cursor", "/feeds/search.atom, q"})
    void anyQueryParameterValueIsAnsweredOrRefused(String path, String parameter) {
        PropertyCheck.forAll(path + "?" + parameter, TRIES, HostileQueryTest::value,
                value -> assertAnsweredOrRefused(given().queryParam(parameter, value).when().get(path)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/papers/{v}", "/papers/{v}/related", "/digests/{v}", "/feeds/topics/{v}.atom"})
    void anyPathSegmentIsAnsweredOrRefused(String template) {
        PropertyCheck.forAll(template, TRIES, HostileQueryTest::value,
                value -> assertAnsweredOrRefused(given().redirects().follow(false).urlEncodingEnabled(false).when()
                        .get(template.replace("{v}", segment(value)))));
    }

    @Test
    void searchOperatorsInAnyOrderAreSearchedNotExecuted() {
        PropertyCheck.forAll("q of search syntax", TRIES * 3, HostileQueryTest::searchSyntax, q -> {
            Response response = given().queryParam("q", q).queryParam("sort", "relevance").when().get("/papers");
            assertAnsweredOrRefused(response);
        });
    }

    @Test
    void manyNegationSignsInARowAreSearchedNotAFault() {
        // found by the property above: 33 dashes made PostgreSQL's websearch_to_tsquery fail, answered 500
        for (String q : List.of("-".repeat(33), "- ".repeat(40) + "model", "-".repeat(400) + "lora")) {
            given().queryParam("q", q).when().get("/papers").then().statusCode(200);
            given().queryParam("q", q).when().get("/feeds/search.atom").then().statusCode(200);
        }
    }

    @Test
    void repeatedAndUnknownParametersAreRefusedNotIgnoredIntoAFault() {
        Response response = given().queryParam("limit", "5", "6").when().get("/papers");
        assertAnsweredOrRefused(response);
        assertAnsweredOrRefused(given().queryParam("topic", (Object[]) new String[200]).when().get("/papers"));
        assertAnsweredOrRefused(given().queryParam("no-such-parameter", "x").when().get("/papers"));
    }

    @Test
    void aRequestLineTooLongForTheServerIsRefusedAsAClientError() {
        int status = given().queryParam("q", "a".repeat(20_000)).when().get("/papers").statusCode();
        assertTrue(status == 400 || status == 414, "a 20 kB query string answered " + status);
    }

    private static void assertAnsweredOrRefused(Response response) {
        int status = response.statusCode();
        assertTrue(ANSWERS.contains(status), "answered " + status + ": " + response.asString());
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0].trim(),
                    "a " + status + " without a problem document");
            assertEquals(status, response.jsonPath().getInt("status"));
        }
    }

    /**
     * The value as one percent-encoded path segment. Encoded here rather than by REST Assured, whose path templating
     * reads braces in a value as more placeholders and takes minutes over a few hundred of them.
     */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String value(SplittableRandom random) {
        String text = HostileText.generate(random);
        return text.substring(0, Math.min(text.length(), random.nextInt(MAX_VALUE_LENGTH + 1)));
    }

    private static String searchSyntax(SplittableRandom random) {
        StringBuilder q = new StringBuilder();
        for (int parts = 1 + random.nextInt(12); parts > 0; parts--) {
            q.append(random.nextInt(3) == 0 ? "model" : SEARCH_SYNTAX.get(random.nextInt(SEARCH_SYNTAX.size())));
        }
        return q.toString();
    }
}
