package dev.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service as a whole against a real broker and a real database. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class PipelineTest {

    @BeforeAll
    static void topics() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
    }

    @Test
    void sampleDigestIsStoredAndPublishedOncePerEntry() throws Exception {
        List<DigestEntryV1> entries = Entries.ofSample("d-sample-1", LocalDate.of(2026, 3, 14));
        try (KafkaProducer<String, String> producer = KafkaClients.producer();
                KafkaConsumer<String, String> consumer = KafkaClients.consumer(Topics.PAPERS_ENRICHED)) {
            KafkaClients.send(producer, entries);
            List<ConsumerRecord<String, String>> events = KafkaClients.poll(consumer, 104, Duration.ofSeconds(60));
            assertThat(events).hasSize(104);
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> event : events) {
                JsonNode paper = KafkaClients.JSON.readTree(event.value());
                assertThat(event.key()).isEqualTo(paper.path("paperId").asText());
                ids.add(event.key());
            }
            assertThat(ids).hasSize(104);
            assertThat(count("select count(*) from paper")).isEqualTo(104);
            assertThat(count("select count(*) from appearance where digest_id = 'd-sample-1'")).isEqualTo(104);
            assertThat(count("select entry_count from digest where id = 'd-sample-1'")).isEqualTo(104);
            assertThat(count("select count(distinct url) from link")).isEqualTo(39);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresDatabaseTestResource.database().jdbcUrl(),
                PostgresDatabaseTestResource.database().username(), PostgresDatabaseTestResource.database().password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
