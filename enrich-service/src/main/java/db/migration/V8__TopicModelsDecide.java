package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ships retrained default models ({@value #TOPICS}, frozen once released): the model of each topic with enough
 * training papers now decides alone (see {@code TopicModel.decides}), the rarer topics keep rules or model. Updates
 * the default topics a deployment has neither edited ({@code edited_by_user}) nor deleted, and requests a re-tag of
 * the stored papers, which the service runs in the background when it starts.
 */
public class V8__TopicModelsDecide extends BaseJavaMigration {

    static final String TOPICS = "taxonomy/topics-v8.json";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement update = c.prepareStatement("""
                update topic set name = ?, description = ?, rules = ?::jsonb, updated_at = now()
                where slug = ? and not edited_by_user""")) {
            for (JsonNode topic : V2__DefaultTopics.read(TOPICS)) {
                update.setString(1, topic.path("name").asText());
                update.setString(2, topic.path("description").asText());
                update.setString(3, topic.path("rules").toString());
                update.setString(4, topic.path("slug").asText());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("insert into retag_request (reason) values ('V8: retrained default topic models that decide')");
        }
    }
}
