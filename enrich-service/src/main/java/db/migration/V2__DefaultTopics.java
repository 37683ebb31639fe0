package db.migration;

import java.io.InputStream;
import java.sql.PreparedStatement;

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

    static JsonNode read(String path) throws java.io.IOException {
        try (InputStream in = V2__DefaultTopics.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
