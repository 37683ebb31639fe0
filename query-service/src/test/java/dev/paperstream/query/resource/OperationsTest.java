package dev.paperstream.query.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.OpenApiLint;
import dev.paperstream.devstack.PrometheusText;
import dev.paperstream.query.CatalogDatabaseTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What an operator and a browser see of query-service besides its API: metrics, headers, API document. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabaseTestResource.class)
class OperationsTest {

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void metrics_time_requests_by_endpoint_and_expose_the_connection_pool() {
        given().get("/topics").then().statusCode(200);
        given().get("/papers?limit=0").then().statusCode(400);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(PrometheusText.sum(metrics, "http_server_requests_seconds_count", "uri=\"/topics\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(PrometheusText.sum(metrics, "http_server_requests_seconds_count", "uri=\"/papers\"", "status=\"400\""))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(PrometheusText.has(metrics, "agroal_available_count")).isTrue();
    }

    @Test
    void every_response_forbids_sniffing_and_active_content() {
        for (Response response : List.of(given().get("/topics"), given().get("/papers?limit=0"),
                given().get("/papers/no-such-paper"), given().get("/feeds/topics/no-such-topic.atom"))) {
            assertThat(response.header("X-Content-Type-Options")).as(response.statusLine()).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(response.statusLine()).isEqualTo(CSP);
        }
    }

    @Test
    void swagger_ui_gets_a_policy_that_lets_its_own_page_run() {
        Response page = given().get("/q/swagger-ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self' 'unsafe-inline'");
    }

    @Test
    void the_api_document_passes_redocly_recommended_rules() throws IOException {
        assumeTrue(OpenApiLint.available(), "node and npm are needed to lint the OpenAPI document");
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenApiLint.Result result = OpenApiLint.lint("query-service", document);
        assertThat(result.clean()).as(result.output()).isTrue();
    }
}
