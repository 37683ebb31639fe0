package dev.paperstream.notify.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.OpenApiLint;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The subscriptions API as a client meets it, with the default SSRF guard: public https targets only. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class SubscriptionResourceTest {

    private static final String TOKEN = "test-token";

    private static Response post(String body) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).post("/subscriptions");
    }

    /**
     * A public address literal: checked without any name lookup, and never contacted: no event is published in this
     * class, and only papers enriched after a subscription was made are delivered to it; each test deletes its own.
     */
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/papers";

    @Test
    void a_subscription_is_created_with_a_generated_secret_listed_without_it_read_and_deleted() {
        Response created = post("{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"topic\": [\"peft\"], \"hasCode\": true}}");
        created.then().statusCode(201)
                .body("id", startsWith("sub_"))
                .body("url", equalTo(PUBLIC_URL))
                .body("filter.topic", equalTo(java.util.List.of("peft")))
                .body("filter.hasCode", equalTo(java.util.List.of("true")))
                .body("enabled", equalTo(true))
                .body("secret", startsWith("whsec_"));
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/subscriptions/" + id);
        byte[] key = Base64.getDecoder().decode(created.jsonPath().getString("secret").substring(6));
        assertThat(key.length).isGreaterThanOrEqualTo(24);

        given().auth().oauth2(TOKEN).get("/subscriptions").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(created.jsonPath().getString("secret"))));
        given().auth().oauth2(TOKEN).get("/subscriptions/" + id).then().statusCode(200)
                .body("deliveries.pending", equalTo(0))
                .body("deliveries.delivered", equalTo(0))
                .body("lastAttempts.size()", equalTo(0));
        given().auth().oauth2(TOKEN).delete("/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(TOKEN).get("/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://paperstream.dev/problems/not-found"));
        given().auth().oauth2(TOKEN).delete("/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void a_given_secret_is_kept_and_a_weak_one_refused() {
        Response created = post("{\"url\": \"" + PUBLIC_URL + "\", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}");
        created.then().statusCode(201).body("secret", equalTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        // deleted at once: this test's address is public, and no event may ever be sent to it
        given().auth().oauth2(TOKEN).delete("/subscriptions/" + created.jsonPath().getString("id")).then().statusCode(204);
        post("{\"url\": \"" + PUBLIC_URL + "\", \"secret\": \"whsec_c2hvcnQ=\"}")
                .then().statusCode(400).body("parameter", equalTo("secret"));
        post("{\"url\": \"" + PUBLIC_URL + "\", \"secret\": \"hunter2\"}")
                .then().statusCode(400).body("parameter", equalTo("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://[::1]/hook", "https://10.0.0.7/hook", "https://192.168.0.1/hook",
            "https://169.254.169.254/latest/meta-data/", "https://0x7f000001/hook", "https://2130706433/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:a9fe:a9fe]/hook", "https://[fd00::1]/hook",
            "https://localhost/hook", "http://93.184.216.34/hook", "file:///etc/passwd",
            "https://user:secret@93.184.216.34/hook", "https://93.184.216.34@127.0.0.1/hook",
            "gopher://93.184.216.34/", "not a url" })
    void hostile_urls_are_refused_with_400_naming_url(String url) {
        post("{\"url\": \"" + url + "\"}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://paperstream.dev/problems/invalid-parameter"))
                .body("parameter", equalTo("url"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"topics\": [\"peft\"]}}|filter.topics",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"hasCode\": \"maybe\"}}|filter.hasCode",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"from\": \"2026-02-30\"}}|filter.from",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"linkKind\": \"tarball\"}}|filter.linkKind",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"sort\": \"recent\"}}|filter.sort",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": {\"topic\": {\"slug\": \"peft\"}}}|filter.topic",
            "{\"url\": \"" + PUBLIC_URL + "\", \"filter\": [\"peft\"]}|filter",
            "{\"url\": \"" + PUBLIC_URL + "\", \"callback\": \"x\"}|callback",
            "{\"filter\": {}}|url",
            "{\"url\": 42}|url",
            "[]|body",
            "{\"url\": |body" })
    void bad_fields_are_refused_with_400_naming_them(String body, String parameter) {
        post(body).then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter));
    }

    @Test
    void every_subscription_request_needs_the_token_reads_included() {
        given().contentType(ContentType.JSON).body("{\"url\": \"" + PUBLIC_URL + "\"}").post("/subscriptions")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("wrong").get("/subscriptions/sub_0").then().statusCode(401);
        given().delete("/subscriptions/sub_0").then().statusCode(401);
        given().post("/subscriptions/sub_0/test").then().statusCode(401);
        given().auth().oauth2(TOKEN).post("/subscriptions/sub_0/test").then().statusCode(404);
    }

    @Test
    void health_metrics_and_an_api_document_that_lints_clean() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        assertThat(document).contains("createSubscription", "listSubscriptions", "getSubscription",
                "deleteSubscription", "testSubscription", "bearer");
        assumeTrue(OpenApiLint.available(), "node/npm not installed: Redocly lint skipped");
        OpenApiLint.Result lint = OpenApiLint.lint("notify-service", document);
        assertThat(lint.clean()).as(lint.output()).isTrue();
    }
}
