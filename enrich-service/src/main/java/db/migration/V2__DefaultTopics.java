package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seeds the default taxonomy as first released, from {@value #TOPICS}. A migration never changes after it ships, so
 * that file is frozen and this class reads it with nothing but Jackson; later defaults come in later migrations
 * ({@link V7__TopicModels}). It sits in {@code db.migration}, where Flyway looks for Java migrations.
 */
public class V2__DefaultTopics extends BaseJavaMigration {

    static final String TOPICS = "taxonomy/topics-v2.json";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into topic (slug, name, description, rules) values (?, ?, ?, ?::jsonb) on conflict (slug) do nothing")) {
            for (JsonNode topic : read(TOPICS)) {
                insert.setString(1, topic.path("slug").asText());
                insert.setString(2, topic.path("name").asText());
                insert.setString(3, topic.path("description").asText());
                insert.setString(4, topic.path("rules").toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Gives the default topics a deployment has neither edited nor deleted the name, description and rules of
     * {@code path}, and requests a re-tag of the stored papers (run in the background when the service starts).
     * Later default releases (V7, V8...) ship this way.
     */
    static void updateUneditedDefaults(Connection c, String path, String reason)
            throws SQLException, IOException {
        try (PreparedStatement update = c.prepareStatement("""
                update topic set name = ?, description = ?, rules = ?::jsonb, updated_at = now()
                where slug = ? and not edited_by_user""")) {
            for (JsonNode topic : read(path)) {
                update.setString(1, topic.path("name").asText());
                update.setString(2, topic.path("description").asText());
                update.setString(3, topic.path("rules").toString());
                update.setString(4, topic.path("slug").asText());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement retag = c.prepareStatement("insert into retag_request (reason) values (?)")) {
            retag.setString(1, reason);
            retag.executeUpdate();
        }
    }

    static JsonNode read(String path) throws java.io.IOException {
        try (InputStream in = V2__DefaultTopics.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
