package dev.paperstream.ingest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Checks a refusal is an RFC 9457 problem a person can act on. */
final class Problems {

    private Problems() {
    }

    static void assertProblem(Response response, int status, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).startsWith("https://paperstream.dev/problems/");
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).contains(detail);
        assertThat(response.jsonPath().getString("instance")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
