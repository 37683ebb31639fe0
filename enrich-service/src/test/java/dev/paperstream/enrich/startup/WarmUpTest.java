package dev.paperstream.enrich.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.persistence.CatalogStore;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.EnrichedEntry;
import dev.paperstream.enrich.support.Db;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.PaperEnrichedV1;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The start-up rehearsal that readiness waits for: it runs the catalogue's statements and keeps nothing. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class WarmUpTest {

    @Inject
    CatalogStore store;

    @Inject
    CurrentTaxonomy taxonomy;

    @Test
    void the_service_is_ready_once_warm_and_the_warm_up_left_nothing_in_the_catalogue() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200));
        assertThat(given().get("/q/health/ready").body().asString()).contains(WarmUpReadiness.NAME)
                .as("no rehearsal failed and was skipped").doesNotContain("skipped");
        assertThat(Db.count("select count(*) from paper where id like 'warm-up-%'")).isZero();
        assertThat(Db.count("select count(*) from appearance where digest_id = 'warm-up'")).isZero();
        assertThat(Db.count("select count(*) from digest where id = 'warm-up'")).isZero();
    }

    @Test
    void a_rehearsed_batch_answers_the_events_a_commit_would_and_stores_none_of_them() {
        Enricher enricher = taxonomy.enricher();
        Map<String, String> topicNames = enricher.tagger().topicNames();
        DigestEntryV1 entry = Entries.entry("d-rehearsal", LocalDate.of(2026, 6, 1), 1, 1,
                "Rehearsing Retrieval-Augmented Generation for Question Answering",
                "We retrieve passages for a large language model and measure exact match on open-domain QA benchmarks.");
        EnrichedEntry enriched = new EnrichedEntry(entry, enricher.enrich(entry.title(), entry.abstractText()));

        List<PaperEnrichedV1> rehearsed = store.rehearse(List.of(enriched), topicNames);

        assertThat(rehearsed).singleElement().satisfies(e -> {
            assertThat(e.paperId()).isEqualTo(entry.paperId());
            assertThat(e.topics()).isNotEmpty();
        });
        assertThat(Db.count("select count(*) from paper where id = ?", entry.paperId())).isZero();
        assertThat(Db.count("select count(*) from appearance where digest_id = 'd-rehearsal'")).isZero();

        List<PaperEnrichedV1> stored = store.store(List.of(enriched), topicNames);
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(rehearsed.get(0).version());
            assertThat(e.topics()).isEqualTo(rehearsed.get(0).topics());
        });
        assertThat(Db.count("select count(*) from paper where id = ?", entry.paperId())).isEqualTo(1);
    }
}
