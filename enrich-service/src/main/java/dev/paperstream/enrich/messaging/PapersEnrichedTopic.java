package dev.paperstream.enrich.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.paperstream.events.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes sure {@value Topics#PAPERS_ENRICHED} has the settings its readers rely on ({@link Topics#configOf}: the
 * broker's append time, by which query-service's live stream orders and resumes) whoever created it: created with
 * them when missing, given them when a broker auto-created it or an operator created it without them. In the
 * background, so a broker that is down does not delay start-up; a refusal (no ALTER_CONFIGS right) is logged.
 */
@ApplicationScoped
public class PapersEnrichedTopic {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent start) {
        ensure();
    }

    /** Creates the topic with its settings or sets them; completes when done or logged as impossible. */
    public CompletableFuture<Void> ensure() {
        Map<String, String> settings = Topics.configOf(Topics.PAPERS_ENRICHED);
        return CompletableFuture.runAsync(() -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
                try {
                    admin.createTopics(List.of(new NewTopic(Topics.PAPERS_ENRICHED, -1, (short) -1).configs(settings)))
                            .all().get(15, TimeUnit.SECONDS);
                    Log.infof("Created topic %s with %s", Topics.PAPERS_ENRICHED, settings);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAPERS_ENRICHED),
                            settings.entrySet().stream()
                                    .map(s -> new AlterConfigOp(new ConfigEntry(s.getKey(), s.getValue()), AlterConfigOp.OpType.SET))
                                    .toList()))
                            .all().get(15, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                Log.warnf("Could not give topic %s its settings %s (the live stream's resume needs them): %s",
                        Topics.PAPERS_ENRICHED, settings, e instanceof ExecutionException ? e.getCause() : e);
            }
        });
    }
}
