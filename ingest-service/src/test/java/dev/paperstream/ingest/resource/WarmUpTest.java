package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.ingest.domain.DigestFormat;
import dev.paperstream.ingest.domain.ParsedDigest;
import dev.paperstream.ingest.service.DigestIngestion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The start-up rehearsal that readiness waits for: it runs the POST's path and keeps and publishes nothing. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class WarmUpTest {

    private static final String PAGE = """
            Rehearsing a Digest Without Keeping It

            A page parsed, its aliases looked up and its receipt written, then rolled back.

            Second Paper of the Rehearsal

            Another abstract, with code at https://github.com/paperstream/rehearsal.
            """;

    @Inject
    DigestIngestion ingestion;

    @Inject
    DataSource dataSource;

    @Test
    void the_service_is_ready_once_warm_and_the_warm_up_kept_and_published_nothing() throws SQLException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200));
        assertThat(given().get("/q/health/ready").body().asString()).contains("ingest warm-up")
                .as("no rehearsal failed and was skipped").doesNotContain("skipped");
        assertThat(count("select count(*) from ingest.digest_receipt where source = 'warm-up'")).isZero();
        try (DigestEntriesTopicReader topic = new DigestEntriesTopicReader()) {
            assertThat(topic.entriesFrom("warm-up")).isEmpty();
        }
    }

    @Test
    void a_rehearsed_digest_is_neither_stored_nor_published_and_is_accepted_as_new_afterwards() throws SQLException {
        ParsedDigest parsed = DigestFormat.PAGE.parser(StandardCharsets.UTF_8, Year.of(2026), 100)
                .parse(PAGE.getBytes(StandardCharsets.UTF_8));
        try (DigestEntriesTopicReader topic = new DigestEntriesTopicReader()) {
            int before = topic.count();

            assertThat(ingestion.rehearse(parsed, LocalDate.of(2026, 6, 2), "rehearsal-test")).isEqualTo(2);

            assertThat(count("select count(*) from ingest.digest_receipt where source = 'rehearsal-test'")).isZero();
            assertThat(aliasesOf(parsed)).isZero();
            assertThat(topic.count()).isEqualTo(before);

            given().header("Authorization", "Bearer test-token").contentType("text/plain; charset=UTF-8").body(PAGE)
                    .post("/digests?date=2026-06-02&source=rehearsal-test")
                    .then().statusCode(202);
            assertThat(count("select count(*) from ingest.digest_receipt where source = 'rehearsal-test'")).isEqualTo(1);
            assertThat(aliasesOf(parsed)).isEqualTo(2);
            assertThat(topic.entriesFrom("rehearsal-test")).hasSize(2);
        }
    }

    /** How many of the digest's title aliases are stored. */
    private long aliasesOf(ParsedDigest parsed) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from ingest.paper_alias where alias = any(?)")) {
            s.setArray(1, c.createArrayOf("text", parsed.paperAliases().toArray()));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
