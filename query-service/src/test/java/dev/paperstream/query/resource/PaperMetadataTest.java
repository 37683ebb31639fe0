package dev.paperstream.query.resource;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.FROM;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static dev.paperstream.query.KnownCatalog.REGISTERS;
import static dev.paperstream.query.KnownCatalog.TINY;
import static dev.paperstream.query.KnownCatalog.TO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.CatalogRows;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Authors, arXiv categories and upvotes as digests carried them, and papers found by arXiv id as people write it. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class PaperMetadataTest {

    /** Stored under a title id (a page brought it first); a feed gave its arXiv id later. */
    private static final String PAGE_FIRST = "title-0123456789abcdef";
    private static final String OLD_STYLE = "arxiv-hep-th_9901001";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void catalogue() {
        KnownCatalog.load(dataSource);
        LocalDate longAgo = LocalDate.of(1999, 1, 15);
        new CatalogRows(dataSource)
                .paper(PAGE_FIRST, "A Paper First Seen On A Page", "Its arXiv id came with a later feed.", longAgo)
                .execute("update paper set arxiv_id = '2601.00042' where id = ?", PAGE_FIRST)
                .paper(OLD_STYLE, "Strings Before 2007", "An old-style arXiv id.", longAgo)
                .execute("update paper set arxiv_id = 'hep-th/9901001' where id = ?", OLD_STYLE);
    }

    private static RequestSpecification known() {
        return given().queryParam("from", FROM).queryParam("to", TO);
    }

    private static List<String> ids(RequestSpecification request) {
        return request.when().get("/papers").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void listingItemsCarryAuthorsInOrderAndCategories() {
        known().queryParam("limit", 3).when().get("/papers").then()
                .statusCode(200)
                .body("items.id", contains(REGISTERS, LORA_FLOW, MOLA))
                .body("items[0].authors", contains("Åsa Ørsted", "Jean Ngô", "Ana_Maria 100%"))
                .body("items[0].categories", contains("cs.CV"))
                .body("items[1].authors", contains("Jörg Müller", "Ana Lima"))
                .body("items[1].categories", contains("cs.CL", "cs.LG"));
        known().queryParam("topic", "agents").when().get("/papers").then()
                .statusCode(200)
                .body("items.id", contains(AGENT))
                .body("items[0].authors", empty())
                .body("items[0].categories", empty());
    }

    @Test
    void detailHasAuthorsCategoriesAndTheLatestUpvotesBesideEachAppearances() {
        given().when().get("/papers/" + LORA_FLOW).then()
                .statusCode(200)
                .body("authors", contains("Jörg Müller", "Ana Lima"))
                .body("categories", contains("cs.CL", "cs.LG"))
                .body("upvotes", equalTo(42))
                .body("appearances.upvotes", contains(42));
        given().when().get("/papers/" + AGENT).then()
                .statusCode(200)
                .body("authors", empty())
                .body("upvotes", equalTo(17))
                .body("appearances.digestId", contains("d-0305", "d-0314"))
                .body("appearances.upvotes", contains(5, 17));
        given().when().get("/papers/" + TINY).then()
                .statusCode(200)
                .body("upvotes", nullValue())
                .body("appearances.upvotes", contains((Object) null));
    }

    @ParameterizedTest(name = "author={0}")
    @CsvSource(delimiter = '|', value = {
            "muller|" + LORA_FLOW + "," + MOLA,
            "MÜLLER|" + LORA_FLOW + "," + MOLA,
            "Muller-Tan|" + MOLA,
            "  jorg   muller |" + LORA_FLOW,
            "orsted|" + REGISTERS,
            "asa ørsted|" + REGISTERS,
            "ngo|" + REGISTERS,
            "ana|" + REGISTERS + "," + LORA_FLOW,
            // LIKE's wildcards are only characters: ana_ is not "ana" and one more character
            "ana_|" + REGISTERS,
            "100%|" + REGISTERS,
            // a name is matched on its own, never across two
            "müller ana|",
            "nobody|",
    })
    void authorIsACaseAndAccentInsensitivePartOfOneName(String author, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(ids(known().queryParam("author", author))).containsExactlyElementsOf(want);
    }

    @Test
    void categoryIsExactAndCombinesWithTheOtherFilters() {
        assertThat(ids(known().queryParam("category", "cs.LG"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(known().queryParam("category", "cs.CV"))).containsExactly(REGISTERS);
        assertThat(ids(known().queryParam("category", "cs.LG").queryParam("author", "muller")
                .queryParam("hasCode", "true").queryParam("topic", "peft").queryParam("model", "llama")))
                .containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(known().queryParam("category", "cs.CL").queryParam("author", "muller"))).containsExactly(LORA_FLOW);
        assertThat(ids(known().queryParam("q", "lora").queryParam("author", "li"))).containsExactly(LORA_FLOW, MOLA);
        assertThat(ids(known().queryParam("category", "cs.CV").queryParam("topic", "llm"))).isEmpty();
        assertThat(ids(known().queryParam("digest", "d-0313").queryParam("author", "wei"))).containsExactly(MOLA);
    }

    @Test
    void authorAndCategoryListingsPageWithCursors() {
        var first = known().queryParam("author", "muller").queryParam("limit", 1).when().get("/papers").then()
                .statusCode(200).body("items.id", contains(LORA_FLOW)).extract().jsonPath();
        known().queryParam("author", "muller").queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).when().get("/papers").then()
                .statusCode(200).body("items.id", contains(MOLA)).body("nextCursor", nullValue());
        known().queryParam("author", "ana").queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/papers").then().statusCode(400).body("parameter", equalTo("cursor"));
        String byCategory = known().queryParam("category", "cs.LG").queryParam("limit", 1).when().get("/papers").then()
                .statusCode(200).body("items.id", contains(LORA_FLOW)).extract().path("nextCursor");
        known().queryParam("category", "cs.LG").queryParam("limit", 1).queryParam("cursor", byCategory)
                .when().get("/papers").then().statusCode(200).body("items.id", contains(MOLA));
    }

    @ParameterizedTest(name = "/papers/{0}")
    @ValueSource(strings = {"2603.00001", "2603.00001v2", "arXiv:2603.00001v2", "ARXIV:2603.00001", "arxiv:2603.00001",
            "arxiv-2603.00001v3"})
    void anArxivIdAsPeopleWriteItRedirectsToThePaper(String written) {
        given().redirects().follow(false).when().get("/papers/" + written).then()
                .statusCode(308)
                .header("Location", endsWith("/papers/" + LORA_FLOW));
        given().when().get("/papers/" + written).then()
                .statusCode(200).body("id", equalTo(LORA_FLOW)).body("upvotes", equalTo(42));
        given().redirects().follow(false).when().get("/papers/" + written + "/related").then()
                .statusCode(308)
                .header("Location", endsWith("/papers/" + LORA_FLOW + "/related"));
        given().when().get("/papers/" + written + "/related").then()
                .statusCode(200).body("paperId", equalTo(LORA_FLOW)).body("items[0].id", equalTo(MOLA));
    }

    @Test
    void aPaperStoredUnderItsTitleIdIsFoundByItsArxivId() {
        given().redirects().follow(false).when().get("/papers/arxiv-2601.00042").then()
                .statusCode(308).header("Location", endsWith("/papers/" + PAGE_FIRST));
        given().when().get("/papers/2601.00042v1").then().statusCode(200).body("id", equalTo(PAGE_FIRST));
    }

    @ParameterizedTest(name = "/papers/{0}")
    @ValueSource(strings = {"hep-th/9901001", "hep-th/9901001v2", "arXiv:hep-th/9901001", "hep-th_9901001"})
    void oldStyleIdsWithTheirSlashFindThePaper(String written) {
        given().redirects().follow(false).when().get("/papers/" + written).then()
                .statusCode(308).header("Location", endsWith("/papers/" + OLD_STYLE));
        given().when().get("/papers/" + written).then().statusCode(200).body("id", equalTo(OLD_STYLE));
        given().redirects().follow(false).when().get("/papers/" + written + "/related").then()
                .statusCode(308).header("Location", endsWith("/papers/" + OLD_STYLE + "/related"));
    }

    @ParameterizedTest(name = "/papers/{0}")
    @CsvSource({"2699.99999, no paper with id 2699.99999", "hep-th/9999999, no paper with id hep-th/9999999",
            "arXiv:2699.99999/related, no paper with id arXiv:2699.99999"})
    void anArxivIdTheCatalogueDoesNotHaveIsStillA404(String written, String detail) {
        given().redirects().follow(false).when().get("/papers/" + written).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo(detail));
    }
}
