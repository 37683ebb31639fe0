package dev.paperstream.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.service.RequestedRetagsOnStart;
import dev.paperstream.enrich.support.Db;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Editing the taxonomy over HTTP and re-tagging stored papers. Works on topics of its own. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class TopicResourceTest {

    private static final String TOKEN = "Bearer test-token";

    @Inject
    RequestedRetagsOnStart requestedRetags;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void topics() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
    }

    @Test
    void theDefaultTaxonomyIsListedWithItsRules() {
        given().get("/topics").then().statusCode(200)
                .body("slug", hasItems("peft", "quantization", "robotics", "vision", "generative-media"))
                .body("find { it.slug == 'peft' }.name", equalTo("Parameter-efficient fine-tuning"))
                .body("find { it.slug == 'peft' }.rules.terms.lora", notNullValue())
                .body("find { it.slug == 'peft' }.rules.threshold", notNullValue());
        given().get("/topics/quantization").then().statusCode(200).body("slug", equalTo("quantization"));
    }

    @Test
    void unknownTopicsAreNotFoundAsProblems() {
        given().get("/topics/no-such-topic").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"))
                .body("instance", equalTo("/topics/no-such-topic")).body("detail", equalTo("No topic no-such-topic."));
        given().header("Authorization", TOKEN).delete("/topics/no-such-topic").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/topics/retag/unknown-run").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void writesNeedAnAcceptedBearerToken() {
        String body = "{\"name\": \"X\", \"rules\": {\"terms\": {\"x\": 1}}}";
        given().contentType(ContentType.JSON).body(body).put("/topics/x-topic").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body).put("/topics/x-topic")
                .then().statusCode(401).contentType("application/problem+json");
        given().delete("/topics/peft").then().statusCode(401);
        given().post("/topics/retag").then().statusCode(401);
        given().get("/topics/peft").then().statusCode(200);
    }

    @Test
    void badTopicEditsAreRefusedWithTheReason() {
        put("bad-rules", "{\"name\": \"Bad\", \"rules\": {\"terms\": [\"lora\"]}}").statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("rules.terms must be an object of phrase to weight"));
        put("bad-rules", "{\"name\": \"Bad\", \"rules\": {\"terms\": {\"lora\": \"high\"}}}").statusCode(400)
                .body("detail", equalTo("rules.terms['lora'] must be a number"));
        put("bad-rules", "{\"name\": \"Bad\", \"rules\": {\"terms\": {\"lora\": 1}, \"threshold\": 0}}").statusCode(400)
                .body("detail", equalTo("rules.threshold must be positive"));
        put("bad-rules", "{\"name\": \"Bad\", \"rules\": {\"terms\": {\"ünïcode\": 1}}}").statusCode(400)
                .body("type", equalTo("https://paperstream.dev/problems/invalid-rules"));
        put("Bad_Slug", "{\"name\": \"Bad\", \"rules\": {\"terms\": {}}}").statusCode(400)
                .body("type", equalTo("https://paperstream.dev/problems/invalid-slug"));
        put("no-name", "{\"rules\": {\"terms\": {}}}").statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("name must not be blank"));
        put("broken", "{\"name\": ").statusCode(400).contentType("application/problem+json");
        given().get("/topics/bad-rules").then().statusCode(404);
    }

    @Test
    void rulesAreValidatedLikeAnyInputAndARefusedEditChangesNothing() {
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1e308}}}").statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://paperstream.dev/problems/invalid-rules"))
                .body("detail", equalTo("rules.terms['lora'] must be a finite number from 0 to 1000"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": -1}}}").statusCode(400)
                .body("detail", equalTo("rules.terms['lora'] must be a finite number from 0 to 1000; a phrase that counts "
                        + "against the topic goes in against"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1}, \"against\": {\"our code\": -0.5}}}")
                .statusCode(400).body("detail", startsWith("rules.against['our code'] must be a finite number from 0 to 1000"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1}, \"against\": {\"lora\": 1}}}")
                .statusCode(400).body("detail", equalTo("rules.'lora' is in both terms and against; keep it in one"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1}, \"against\": [\"x\"]}}")
                .statusCode(400).body("detail", equalTo("rules.against must be an object of phrase to weight"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1}, \"titleBoost\": -1}}").statusCode(400)
                .body("detail", equalTo("rules.titleBoost must not be negative"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lora\": 1}, \"threshold\": 1e9}}").statusCode(400)
                .body("detail", equalTo("rules.threshold must be a finite number between -1000 and 1000"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"lo\\u0007ra\": 1}}}").statusCode(400)
                .body("detail", equalTo("rules.terms must not contain control characters (U+0007)"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"" + "a".repeat(101) + "\": 1}}}").statusCode(400)
                .body("detail", equalTo("rules.terms['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...']: a phrase may have at most 100 characters"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"a b c d e f g h i\": 1}}}").statusCode(400)
                .body("detail", equalTo("rules.terms['a b c d e f g h i']: a phrase may have at most 8 words"));
        StringBuilder many = new StringBuilder("{\"name\": \"H\", \"rules\": {\"terms\": {");
        for (int i = 0; i < 2001; i++) {
            many.append(i == 0 ? "" : ",").append("\"w").append(i).append("\": 1");
        }
        put("hostile", many.append("}}}").toString()).statusCode(400)
                .body("detail", equalTo("rules.terms may hold at most 2000 phrases, not 2001"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"x\": 1}, \"model\": {\"bias\": -1, \"terms\": {\"lo*\": 1}}}}")
                .statusCode(400).body("detail", equalTo("rules.model.terms['lo*'] must be exact words, without *"));
        put("hostile", "{\"name\": \"H\\u0000\", \"rules\": {\"terms\": {\"x\": 1}}}").statusCode(400)
                .body("type", equalTo("https://paperstream.dev/problems/invalid-topic"))
                .body("detail", equalTo("name must not contain control characters"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"x\": 1}}, \"examples\": [{\"abstract\": \"no title\"}]}")
                .statusCode(400).body("detail", equalTo("examples[0] must be {\"title\": text, \"abstract\": text}"));
        put("hostile", "{\"name\": \"H\", \"rules\": {\"terms\": {\"x\": 1}}, \"examples\": {\"title\": \"T\"}}")
                .statusCode(400).body("detail", equalTo("examples must be an array of {\"title\", \"abstract\"}"));
        given().get("/topics/hostile").then().statusCode(404);

        put("peft", "{\"name\": \"P\", \"rules\": {\"terms\": {\"lora\": \"x\"}}}").statusCode(400);
        given().get("/topics/peft").then().statusCode(200).body("name", equalTo("Parameter-efficient fine-tuning"))
                .body("editedByUser", equalTo(false)).body("rules.model.terms", notNullValue());
    }

    @Test
    void aTopicGivenByExamplePapersIsStoredWithThemAndMarkedAsTheUsers() {
        put("cell-imaging", """
                {"name": "Cell imaging", "rules": {"terms": {}},
                 "examples": [{"title": "Counting Cells in Microscopy Images", "abstract": "Fluorescence microscopy of stained nuclei."},
                              {"title": "Segmenting Nuclei", "abstract": "Microscopy nuclei segmentation with stained tissue."}]}""")
                .statusCode(201).body("examples.title", hasItems("Counting Cells in Microscopy Images", "Segmenting Nuclei"))
                .body("editedByUser", equalTo(true));
        given().get("/topics/cell-imaging").then().statusCode(200).body("examples", hasSize(2));
        given().header("Authorization", TOKEN).delete("/topics/cell-imaging").then().statusCode(204);
    }

    @Test
    void aRetagAMigrationAskedForRunsOnceAndIsMarkedDone() {
        Db.execute("""
                insert into paper (id, title, abstract, first_seen, last_seen, first_digest_id, first_position)
                values ('title-0000000000000071', 'LoRA Adapters for Tiny Models',
                        'We fine-tune with LoRA, a parameter-efficient low-rank adaptation.', '2026-01-02', '2026-01-02', 'd-old', 1)""");
        Db.execute("""
                insert into paper_topic (paper_id, topic_slug, score, evidence, first_seen)
                values ('title-0000000000000071', 'legal', 0.9, '{law}', '2026-01-02')""");
        Db.execute("insert into retag_request (reason) values ('test: a changed default taxonomy')");
        requestedRetags.runPending();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(Db.count("select count(*) from retag_request where done_at is null")).isZero());
        assertThat(Db.rows("select topic_slug from paper_topic where paper_id = 'title-0000000000000071'"))
                .containsExactly(List.of("peft"));
        assertThat(Db.count("select version from paper where id = 'title-0000000000000071'")).isEqualTo(2);
    }

    @Test
    void aNewTopicTagsNewEntriesAndARetagAppliesItToStoredPapers() {
        try (KafkaProducer<String, String> producer = KafkaClients.producer();
                KafkaConsumer<String, String> events = KafkaClients.consumer(Topics.PAPERS_ENRICHED)) {
            DigestEntryV1 jelly = Entries.entry("d-topics-1", LocalDate.of(2026, 3, 1), 1, 1,
                    "Counting Jellyfish with Drones", "We count jellyfish swarms from aerial images.");
            KafkaClients.send(producer, List.of(jelly));
            List<Events.Event> first = Events.await(events, e -> "d-topics-1".equals(e.digestId()), 1, WAIT);
            assertThat(first).hasSize(1);
            assertThat(PipelineTest.slugs(first.get(0).paper())).doesNotContain("sea-creatures");

            put("sea-creatures", """
                    {"name": "Sea creatures", "description": "Papers about animals of the sea.",
                     "rules": {"threshold": 2, "terms": {"octopus*": 1.5, "jellyfish": 1.5, "squid": 1}}}""")
                    .statusCode(201).header("Location", startsWith("http")).body("rules.terms.jellyfish", equalTo(1.5f));
            put("sea-creatures", """
                    {"name": "Sea creatures", "rules": {"threshold": 2, "terms": {"octopus*": 1.5, "jellyfish": 1.5}}}""")
                    .statusCode(200).body("rules.titleBoost", equalTo(2.5f));

            DigestEntryV1 octopus = Entries.entry("d-topics-2", LocalDate.of(2026, 3, 2), 1, 1,
                    "How Octopuses Learn", "Octopus arms learn to grasp; an octopus is smart.");
            KafkaClients.send(producer, List.of(octopus));
            List<Events.Event> tagged = Events.await(events, e -> "d-topics-2".equals(e.digestId()), 1, WAIT);
            assertThat(tagged).hasSize(1);
            assertThat(tagged.get(0).paper().path("topics").get(0).path("slug").asText()).isEqualTo("sea-creatures");
            assertThat(tagged.get(0).paper().path("topics").get(0).path("evidence").toString()).contains("Octopuses");

            String location = given().header("Authorization", TOKEN).post("/topics/retag").then().statusCode(202)
                    .body("status", equalTo("running")).extract().header("Location");
            await().atMost(WAIT).untilAsserted(() -> given().get(location).then().statusCode(200)
                    .body("status", equalTo("completed")));
            given().get(location).then().body("changed", equalTo(given().get(location).path("changed")));

            List<Events.Event> retagged = Events.await(events,
                    e -> e.digestId() == null && e.record().key().equals(jelly.paperId()), 1, WAIT);
            assertThat(retagged).hasSize(1);
            assertThat(retagged.get(0).paper().path("version").asLong()).isEqualTo(2);
            assertThat(retagged.get(0).header("ce_id")).isEqualTo(jelly.paperId() + ":2");
            assertThat(PipelineTest.slugs(retagged.get(0).paper())).contains("sea-creatures");
            assertThat(Db.count("select count(*) from paper_topic where paper_id = ? and topic_slug = 'sea-creatures'",
                    jelly.paperId())).isEqualTo(1);

            given().header("Authorization", TOKEN).delete("/topics/sea-creatures").then().statusCode(204);
            given().get("/topics/sea-creatures").then().statusCode(404);
            assertThat(Db.count("select count(*) from paper_topic where topic_slug = 'sea-creatures'")).isZero();
            given().get("/topics").then().body("findAll { it.slug == 'sea-creatures' }", hasSize(0));
        }
    }

    private static io.restassured.response.ValidatableResponse put(String slug, String body) {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(body).put("/topics/" + slug).then();
    }
}
