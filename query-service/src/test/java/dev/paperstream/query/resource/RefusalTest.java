package dev.paperstream.query.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class RefusalTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void knownCatalog() {
        KnownCatalog.load(dataSource);
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource(delimiter = '|', value = {
            "/papers|limit|0|limit must be between 1 and 100",
            "/papers|limit|101|limit must be between 1 and 100",
            "/papers|limit|ten|limit must be between 1 and 100",
            "/papers|sort|foo|sort must be relevance or recent",
            "/papers|sort|relevance|sort=relevance needs a search text in q",
            "/papers|hasCode|maybe|hasCode must be true or false",
            "/papers|linkKind|foo|linkKind must be one of code, profile, model, dataset, space, collection, organization, paper, project-page, website",
            "/papers|from|2026-13-01|from must be a date like 2026-03-14",
            "/papers|to|yesterday|to must be a date like 2026-03-14",
            // LocalDate reads it, PostgreSQL cannot hold it: refused here, not answered 503
            "/papers|from|+6000000-01-01|from must be a date from 1000-01-01 to 9999-12-31",
            "/topics/trending|asOf|0999-12-31|asOf must be a date from 1000-01-01 to 9999-12-31",
            "/papers|topic|no-such-topic|unknown topic no-such-topic; GET /topics lists the topics",
            "/papers|author|' '|author must not be blank",
            "/papers|category|''|category must not be blank",
            "/papers|category|CS.CL|category must be an arXiv category like cs.CL or hep-th",
            "/papers|category|cs.XX|unknown category cs.XX; no paper in the catalogue has it (categories are written like cs.CL)",
            "/papers|cursor|not a cursor|cursor is malformed; use the nextCursor of a previous page",
            "/papers|cursor|YWJj|cursor is malformed; use the nextCursor of a previous page",
            "/topics/trending|window|foo|window must be a number of days like 7d, from 1d to 365d",
            "/topics/trending|window|0d|window must be a number of days like 7d, from 1d to 365d",
            "/topics/trending|window|400d|window must be a number of days like 7d, from 1d to 365d",
            "/topics/trending|asOf|14/03/2026|asOf must be a date like 2026-03-14",
            "/links|kind|foo|kind must be one of code, profile, model, dataset, space, collection, organization, paper, project-page, website",
            "/links|limit|-1|limit must be between 1 and 100",
            "/digests|limit|1000|limit must be between 1 and 100",
            "/digests|cursor|%%%|cursor is malformed; use the nextCursor of a previous page",
            "/feeds/search.atom|q|' '|q is required: the search the feed follows",
            // a misspelt parameter would otherwise be ignored and answer with everything
            "/papers|topics|peft|unknown parameter topics; this endpoint takes author, benchmark, category, cursor, digest, from, hasCode, limit, linkKind, model, q, sort, to, topic",
            "/topics|colour|blue|unknown parameter colour; this endpoint takes none",
            "/papers/arxiv-2403.00001|verbose|true|unknown parameter verbose; this endpoint takes none",
            "/topics/trending|windw|7d|unknown parameter windw; this endpoint takes asOf, window",
    })
    void refusesBadParameterValuesNamingTheParameter(String path, String parameter, String value, String detail) {
        given().queryParam(parameter, value).when().get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://paperstream.dev/problems/invalid-parameter"))
                .body("title", equalTo("Invalid query parameter"))
                .body("status", equalTo(400))
                .body("detail", equalTo(detail))
                .body("instance", equalTo(path))
                .body("parameter", equalTo(parameter));
    }

    @Test
    void refusesDatesTheWrongWayRound() {
        given().queryParams(Map.of("from", "2026-03-14", "to", "2026-03-01")).when().get("/papers").then()
                .statusCode(400)
                .body("parameter", equalTo("from"))
                .body("detail", equalTo("from must not be after to"));
    }

    @Test
    void refusesOverlongSearchText() {
        given().queryParam("q", "a".repeat(501)).when().get("/papers").then()
                .statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    void refusesACursorFromAnotherQuery() {
        String cursor = given().queryParam("topic", "llm").queryParam("limit", 1).when().get("/papers").then()
                .statusCode(200).extract().path("nextCursor");
        given().queryParam("topic", "peft").queryParam("cursor", cursor).when().get("/papers").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("different query"));
        given().queryParam("cursor", cursor).when().get("/digests").then()
                .statusCode(400).body("parameter", equalTo("cursor"));
        given().queryParam("topic", "llm").queryParam("limit", 5).queryParam("cursor", cursor).when().get("/papers")
                .then().statusCode(200);
    }

    @Test
    void refusesAnEditedCursor() {
        String cursor = given().queryParam("topic", "llm").queryParam("limit", 1).when().get("/papers").then()
                .statusCode(200).extract().path("nextCursor");
        char[] chars = cursor.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        given().queryParam("topic", "llm").queryParam("cursor", new String(chars)).when().get("/papers").then()
                .statusCode(400)
                .body("parameter", equalTo("cursor"))
                .body("detail", equalTo("cursor is malformed; use the nextCursor of a previous page"));
    }

    @ParameterizedTest
    @CsvSource({
            "/papers/arxiv-9999.99999, no paper with id arxiv-9999.99999",
            "/papers/arxiv-9999.99999/related, no paper with id arxiv-9999.99999",
            "/digests/d-nope, no digest with id d-nope",
            "/feeds/topics/nope.atom, no topic nope; GET /topics lists the topics",
    })
    void unknownIdsAre404Problems(String path, String detail) {
        given().when().get(path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo(detail))
                .body("instance", equalTo(path));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().when().get("/nothing-here").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().body("{}").contentType("application/json").when().post("/papers").then()
                .statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void nulCharactersNeverReachTheDatabase() {
        for (String parameter : new String[] {"q", "topic", "model", "benchmark", "digest", "author", "category"}) {
            given().queryParam(parameter, "a\u0000b").when().get("/papers").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo(parameter))
                    .body("detail", equalTo(parameter + " must not contain NUL characters"));
        }
        given().urlEncodingEnabled(false).when().get("/papers/a%00b").then()
                .statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/papers/a%00b/related").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/digests/a%00b").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/feeds/topics/a%00b.atom").then().statusCode(404);
    }

    @Test
    void refusesAnUnknownDigestFilter() {
        given().queryParam("digest", "dg-0000000000000000").when().get("/papers").then()
                .statusCode(400)
                .body("detail", equalTo("unknown digest dg-0000000000000000; GET /digests lists the digests"))
                .body("parameter", equalTo("digest"));
    }

    @Test
    void parameterValuesAreTrimmed() {
        given().queryParam("limit", " 5 ").when().get("/papers").then().statusCode(200)
                .body("items.size()", not(equalTo(0)));
    }
}
