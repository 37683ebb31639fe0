package dev.paperstream.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.support.Db;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code /q/health/live} and {@code /q/health/ready} as an orchestrator reads them: a consumer that holds records and
 * gets nowhere is dead (restart it), one waiting for its database is alive but not ready, and both say why. The
 * test configuration declares a stall after 5 s without progress.
 */
@QuarkusTest
class ConsumerHealthTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHECK = "checks.find { it.name == 'enrich consumer' }";

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> events;

    @BeforeAll
    static void topics() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
    }

    @BeforeEach
    void clients() {
        producer = KafkaClients.producer();
        events = KafkaClients.consumer(Topics.PAPERS_ENRICHED);
    }

    @AfterEach
    void close() {
        producer.close();
        events.close();
    }

    @Test
    void aBatchStuckOnAHangingStatementIsReportedDeadWithWhereItIsStuckAndLivesAgainOnceItMoves() throws Exception {
        try (Connection locker = Db.connect()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                // The store's first statement now waits for this lock: a statement that hangs, not an outage.
                s.execute("lock table appearance in access exclusive mode");
            }
            KafkaClients.send(producer, List.of(Entries.entry("d-stall", LocalDate.of(2026, 5, 1), 1, 1,
                    "A Paper Whose Store Hangs", "We study hanging statements.")));

            await().atMost(WAIT).untilAsserted(() -> assertThat(health("live").statusCode()).isEqualTo(503));
            Response live = health("live");
            assertThat(live.path(CHECK + ".status").toString()).isEqualTo("DOWN");
            assertThat(live.path(CHECK + ".data.reason").toString()).startsWith("stalled on storing a batch of 1 entries since ");
            Response ready = health("ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.path(CHECK + ".data.reason").toString()).startsWith("stalled on storing a batch of 1 entries since ");
            locker.rollback();
        }
        assertThat(Events.await(events, e -> "d-stall".equals(e.digestId()), 1, WAIT)).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(health("live").statusCode()).isEqualTo(200));
        assertThat(health("live").path(CHECK + ".status").toString()).isEqualTo("UP");
        await().atMost(WAIT).untilAsserted(() -> assertThat(health("ready").statusCode()).isEqualTo(200));
    }

    @Test
    void waitingForADatabaseThatIsDownIsNotDeathButNotReadyAndSaysSo() throws Exception {
        // A first entry before the outage, so the taxonomy is read and the outage meets the store.
        KafkaClients.send(producer, List.of(Entries.entry("d-waiting", LocalDate.of(2026, 5, 2), 1, 2,
                "A Paper Stored Before An Outage", "We study outages.")));
        assertThat(Events.await(events, e -> "d-waiting".equals(e.digestId()), 1, WAIT)).hasSize(1);
        String database = PostgresDatabaseTestResource.database().name();
        Db.admin("alter database " + database + " allow_connections false");
        try {
            Db.admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            KafkaClients.send(producer, List.of(Entries.entry("d-waiting", LocalDate.of(2026, 5, 2), 2, 2,
                    "A Paper Stored After An Outage", "We study outages.")));

            await().atMost(WAIT).untilAsserted(() -> assertThat(health("ready").<String>path(CHECK + ".data.reason"))
                    .startsWith("database unavailable ("));
            assertThat(health("ready").<String>path(CHECK + ".data.reason")).contains(", retrying (storing a batch of 1 entries)");
            // Longer than the 5 s after which a batch getting nowhere would be a stall: waiting out an outage is not one.
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                assertThat(health("live").<String>path(CHECK + ".status")).isEqualTo("UP");
                Thread.sleep(500);
            }
        } finally {
            Db.admin("alter database " + database + " allow_connections true");
        }
        assertThat(Events.await(events, e -> "d-waiting".equals(e.digestId()), 1, WAIT)).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(health("ready").statusCode()).isEqualTo(200));
    }

    private static Response health(String which) {
        return given().get("/q/health/" + which).then().extract().response();
    }
}
