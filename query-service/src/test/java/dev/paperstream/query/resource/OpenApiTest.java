package dev.paperstream.query.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paperstream.query.CatalogDatabaseTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class OpenApiTest {

    @Test
    void documentListsEveryEndpointWithExamples() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> paths = api.getMap("paths");
        assertThat(paths).containsKeys("/papers", "/papers/{id}", "/papers/{id}/related", "/topics",
                "/topics/trending", "/links", "/digests", "/digests/{id}", "/feeds/topics/{slug}.atom",
                "/feeds/search.atom", "/feeds/papers.atom", "/stream/papers");
        assertThat(api.getString("info.title")).isEqualTo("paperstream query API");
        for (String path : paths.keySet()) {
            Map<String, Object> ok = api.getMap("paths.'" + path + "'.get.responses.'200'.content");
            assertThat(ok).as(path).isNotEmpty();
            assertThat(ok.values().iterator().next().toString()).as(path + " example").contains("examples");
        }
        assertThat(api.getMap("paths.'/papers'.get.responses.'400'.content")).containsKey("application/problem+json");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
