package db.migration;

import java.sql.PreparedStatement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.persistence.RulesJson;

/**
 * Seeds the default taxonomy from {@value RulesJson#DEFAULT_TOPICS}, the data file shipped with the service, so the
 * topics and their rules live in one place and are edited as data afterwards. It sits in {@code db.migration},
 * where Flyway looks for Java migrations beside the SQL ones.
 */
public class V2__DefaultTopics extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into topic (slug, name, description, rules) values (?, ?, ?, ?::jsonb) on conflict (slug) do nothing")) {
            for (Topic topic : RulesJson.defaultTopics()) {
                insert.setString(1, topic.slug());
                insert.setString(2, topic.name());
                insert.setString(3, topic.description());
                insert.setString(4, RulesJson.toJson(topic.rules()).toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
