package dev.paperstream.query.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.paperstream.query.CatalogDatabaseTestResource;
import dev.paperstream.query.CatalogRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Keyset paging while the catalogue grows: papers of a topic of their own, so other tests are not disturbed. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class CursorPagingTest {

    private static final String TOPIC = "paging";

    @Inject
    DataSource dataSource;

    @Test
    void everyPaperExactlyOnceWhileNewPapersArrive() {
        CatalogRows rows = new CatalogRows(dataSource).topic(TOPIC, "Paging");
        Set<String> originals = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            // three papers a day, so pages also break inside a day and the id decides
            String id = String.format("arxiv-2501.%05d", i);
            rows.paper(id, "Paging paper " + i, "A paper to page through.", LocalDate.of(2025, 1, 1).plusDays(i / 3))
                    .paperTopic(id, TOPIC, 0.5);
            originals.add(id);
        }

        JsonPath first = given().queryParam("topic", TOPIC).when().get("/papers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("items")).as("default page size").hasSize(20);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = given().queryParam("topic", TOPIC).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.when().get("/papers").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            // newer papers, and one on the same day as the page's last paper, arrive between pages
            String newer = "arxiv-2601.%05d".formatted(page);
            rows.paper(newer, "Arrived later " + page, "New.", LocalDate.of(2025, 6, 1).plusDays(page))
                    .paperTopic(newer, TOPIC, 0.5);
            String sameDay = "arxiv-2500.%05d".formatted(page);
            rows.paper(sameDay, "Arrived the same day " + page, "New.", LocalDate.of(2025, 1, 1).plusDays(page * 2L))
                    .paperTopic(sameDay, TOPIC, 0.5);
            page++;
        } while (cursor != null && page < 100);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(originals::contains).toList())
                .containsExactlyInAnyOrderElementsOf(originals);
        assertThat(seen).noneMatch(id -> id.startsWith("arxiv-2601."));
        assertThat(page).isEqualTo(7);
    }

    @Test
    void relevancePagingKeepsItsPoolWhileNewMatchesArrive() {
        CatalogRows rows = new CatalogRows(dataSource);
        // the test search pool is the 3 newest matches: quokka 4, 5 and 6; older ones are not ranked
        for (int i = 0; i < 7; i++) {
            String id = String.format("arxiv-2402.%05d", 90 + i);
            rows.paper(id, "Quokka census " + i, "Counting quokka " + "quokka ".repeat(i) + "on islands.",
                    LocalDate.of(2024, 2, 1).plusDays(i));
        }
        List<String> pool = List.of("arxiv-2402.00094", "arxiv-2402.00095", "arxiv-2402.00096");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = given().queryParam("q", "quokka").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.when().get("/papers").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            // a newer match arrives: it joins the pool instead of pushing the oldest pooled paper out
            String newer = "arxiv-2403.%05d".formatted(90 + page);
            rows.paper(newer, "Quokka late " + page, "Late quokka.", LocalDate.of(2024, 3, 1).plusDays(page));
            page++;
        } while (cursor != null && page < 20);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(id -> id.startsWith("arxiv-2402.")).toList())
                .containsExactlyInAnyOrderElementsOf(pool);
    }
}
