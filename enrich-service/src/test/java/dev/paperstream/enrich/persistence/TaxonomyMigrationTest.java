package dev.paperstream.enrich.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.TestDatabase;

/**
 * A catalogue created by an earlier release, with topics edited by its users, upgraded to the default topics with
 * learned models, and one on the first models upgraded to the retrained ones: the migrations alone, on a database of
 * the real PostgreSQL server.
 */
class TaxonomyMigrationTest {

    @Test
    void unEditedDefaultTopicsGetTheNewRulesWhileEditedOnesKeepTheUsersAndARetagIsRequested() throws SQLException {
        try (TestDatabase db = TestDatabase.create("paperstream_upgrade")) {
            flyway(db, "5").migrate();
            run(db, """
                    update topic set rules = '{"threshold": 2.0, "titleBoost": 2.5, "terms": {"statute*": 2.0}}',
                        updated_at = now() where slug = 'legal'""");
            run(db, """
                    insert into topic (slug, name, description, rules)
                    values ('sea-creatures', 'Sea creatures', '', '{"threshold": 2.0, "titleBoost": 2.5, "terms": {"jellyfish": 2.0}}')""");
            assertThat(rows(db, "select count(*) from topic where rules ? 'model'")).containsExactly("0");

            flyway(db, null).migrate();

            assertThat(rows(db, "select slug from topic where edited_by_user order by slug"))
                    .containsExactly("legal", "sea-creatures");
            assertThat(rows(db, "select rules -> 'terms' ->> 'statute*' from topic where slug = 'legal'")).containsExactly("2.0");
            assertThat(rows(db, "select count(*) from topic where slug = 'legal' and rules ? 'model'")).containsExactly("0");
            assertThat(rows(db, "select count(*) from topic where not edited_by_user and rules ? 'model'")).containsExactly("26");
            assertThat(rows(db, "select rules -> 'terms' ->> '*bench' from topic where slug = 'evaluation'"))
                    .as("the rules of the latest release, not the first").containsExactly("0.7");
            assertThat(rows(db, "select examples::text from topic where slug = 'peft'")).containsExactly("[]");
            assertThat(rows(db, "select count(*) from retag_request where done_at is null")).containsExactly("2");
        }
    }

    @Test
    void aCatalogueOnTheFirstModelsGetsTheRetrainedOnesExceptWhereAUserEditedAndARetagIsRequested() throws SQLException {
        try (TestDatabase db = TestDatabase.create("paperstream_models_v7")) {
            flyway(db, "7").migrate();
            run(db, "update retag_request set done_at = now()");
            run(db, """
                    update topic set rules = '{"threshold": 2.0, "titleBoost": 2.5, "terms": {"robot*": 2.0}}',
                        edited_by_user = true where slug = 'robotics'""");
            assertThat(rows(db, "select count(*) from topic where rules -> 'model' ? 'decides'")).containsExactly("0");

            flyway(db, null).migrate();

            assertThat(rows(db, "select rules -> 'model' ->> 'decides' from topic where slug = 'evaluation'"))
                    .as("a frequent topic's retrained model decides").containsExactly("true");
            assertThat(rows(db, "select rules -> 'model' ->> 'decides' from topic where slug = 'quantization'"))
                    .as("a rare topic keeps rules or model").containsExactly((String) null);
            assertThat(rows(db, "select rules::text from topic where slug = 'robotics'"))
                    .containsExactly("{\"terms\": {\"robot*\": 2.0}, \"threshold\": 2.0, \"titleBoost\": 2.5}");
            assertThat(rows(db, "select count(*) from retag_request where done_at is null")).containsExactly("1");
        }
    }

    @Test
    void phrasesWithNegativeWeightsMoveToAgainstForDefaultAndEditedTopicsAlike() throws SQLException {
        try (TestDatabase db = TestDatabase.create("paperstream_against")) {
            flyway(db, "7").migrate();
            run(db, """
                    update topic set edited_by_user = true, rules = '{"threshold": 2.0, "titleBoost": 2.5,
                        "terms": {"statute*": 2.0, "scaling law": -1.5}, "against": {"power law": 1}}' where slug = 'legal'""");
            assertThat(rows(db, "select count(*) from topic, jsonb_each(rules -> 'terms') e where (e.value #>> '{}')::numeric < 0"))
                    .as("V7 shipped negative weights").isNotEqualTo(List.of("0"));

            flyway(db, null).migrate();

            assertThat(rows(db, "select count(*) from topic, jsonb_each(rules -> 'terms') e where (e.value #>> '{}')::numeric < 0"))
                    .containsExactly("0");
            assertThat(rows(db, "select rules::text from topic where slug = 'legal'")).containsExactly(
                    "{\"terms\": {\"statute*\": 2.0}, \"against\": {\"power law\": 1, \"scaling law\": 1.5}, \"threshold\": 2.0, \"titleBoost\": 2.5}");
            for (var topic : RulesJson.defaultTopics()) {
                if (!topic.slug().equals("legal")) {
                    assertThat(RulesJson.rules(RulesJson.parse(rows(db, "select rules::text from topic where slug = '"
                            + topic.slug() + "'").get(0)))).as(topic.slug()).isEqualTo(topic.rules());
                }
            }
        }
    }

    @Test
    void aNewCatalogueGetsTheLatestDefaultsForEveryTopic() throws SQLException {
        try (TestDatabase db = TestDatabase.create("paperstream_fresh")) {
            flyway(db, null).migrate();
            assertThat(rows(db, "select count(*) from topic where rules ? 'model' and not edited_by_user")).containsExactly("27");
            assertThat(rows(db, "select count(*) from topic")).containsExactly("27");
        }
    }

    private static Flyway flyway(TestDatabase db, String target) {
        var config = Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static void run(TestDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
