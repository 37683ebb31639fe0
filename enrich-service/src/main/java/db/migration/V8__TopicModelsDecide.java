package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

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
        V2__DefaultTopics.updateUneditedDefaults(context.getConnection(), TOPICS,
                "V8: retrained default topic models that decide");
    }
}
