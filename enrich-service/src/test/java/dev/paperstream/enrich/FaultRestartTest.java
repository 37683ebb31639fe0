package dev.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.enrich.support.RestartablePostgres;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The real PostgreSQL server and the real Kafka broker restart in the middle of a run of thousands of entries,
 * and the service, never restarted, enriches every entry exactly once. The PostgreSQL server is one of this
 * test's own (the shared server is never restarted), so this class boots the service against its own server and
 * broker.
 */
@QuarkusTest
@TestProfile(FaultRestartTest.OwnServers.class)
class FaultRestartTest {

    private static final int ENTRIES = 3_000;
    private static final Duration WAIT = Duration.ofSeconds(100);

    public static class OwnServers implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaBrokerTestResource.class), new TestResourceEntry(RestartablePostgres.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Quick retries keep the test short; the production back-off is the same mechanism with longer waits.
            return Map.of("paperstream.enrich.retry.max-backoff", "2s");
        }
    }

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
    void postgresRestartInTheMiddleOfThousandsOfEntriesPausesEnrichmentAndLosesAndDoublesNothing() throws Exception {
        List<DigestEntryV1> entries = entries("d-pg-restart");
        KafkaClients.send(producer, entries);
        Set<String> seen = new HashSet<>();
        awaitNewEvents(seen, "d-pg-restart", ENTRIES / 10);
        assertThat(seen.size()).as("papers announced before the restart").isLessThan(ENTRIES);

        RestartablePostgres.server().stopServer();
        Thread.sleep(3_000);
        RestartablePostgres.server().startServer();

        awaitNewEvents(seen, "d-pg-restart", ENTRIES);
        assertEnrichedExactlyOnce("d-pg-restart", entries, seen);
    }

    @Test
    void brokerRestartInTheMiddleOfThousandsOfEntriesPausesEnrichmentAndLosesAndDoublesNothing() throws Exception {
        List<DigestEntryV1> entries = entries("d-kafka-restart");
        KafkaClients.send(producer, entries);
        Set<String> seen = new HashSet<>();
        awaitNewEvents(seen, "d-kafka-restart", ENTRIES / 10);
        assertThat(seen.size()).as("papers announced before the restart").isLessThan(ENTRIES);

        producer.close();
        events.close();
        KafkaBrokerTestResource.broker().restart();
        producer = KafkaClients.producer();
        events = KafkaClients.consumer(Topics.PAPERS_ENRICHED);

        awaitNewEvents(seen, "d-kafka-restart", ENTRIES);
        assertEnrichedExactlyOnce("d-kafka-restart", entries, seen);
    }

    private static List<DigestEntryV1> entries(String digestId) {
        List<DigestEntryV1> out = new ArrayList<>();
        for (int i = 1; i <= ENTRIES; i++) {
            out.add(Entries.entry(digestId, LocalDate.of(2026, 5, 4), i, ENTRIES, "Restart-proof paper " + i + " of " + digestId,
                    "We distill " + i + " teacher models into a small student and evaluate it on reasoning benchmarks."));
        }
        return out;
    }

    /** Reads events of the digest, keeping their distinct ids, until {@code total} have been seen. */
    private void awaitNewEvents(Set<String> eventIds, String digestId, int total) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (eventIds.size() < total && System.nanoTime() < deadline) {
            Events.await(events, e -> digestId.equals(e.digestId()), 1_000, Duration.ofSeconds(2))
                    .forEach(e -> eventIds.add(e.header("ce_id")));
        }
    }

    /** Every appearance announced under its own event id (repeats allowed), every paper stored once at version 1. */
    private void assertEnrichedExactlyOnce(String digestId, List<DigestEntryV1> entries, Set<String> eventIds) throws SQLException {
        Set<String> expected = new HashSet<>();
        entries.forEach(e -> expected.add(e.paperId() + "@" + digestId));
        assertThat(eventIds).as("event ids on %s", Topics.PAPERS_ENRICHED).isEqualTo(expected);
        try (Connection c = DriverManager.getConnection(RestartablePostgres.server().jdbcUrl(), "postgres", "")) {
            assertThat(count(c, "select count(*) from appearance where digest_id = ?", digestId)).isEqualTo(ENTRIES);
            assertThat(count(c, "select count(distinct paper_id) from appearance where digest_id = ?", digestId)).isEqualTo(ENTRIES);
            assertThat(count(c, "select count(*) from paper p join appearance a on a.paper_id = p.id "
                    + "where a.digest_id = ? and p.version = 1", digestId)).as("papers stored once, at version 1").isEqualTo(ENTRIES);
        }
    }

    private static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
