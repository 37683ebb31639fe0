package dev.paperstream.ingest.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.paperstream.events.Topics;
import dev.paperstream.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Creates {@value Topics#DIGEST_ENTRIES} at start-up when it is missing, so the first POST does not wait for the
 * broker to auto-create it. In the background: a broker that is down must not delay start-up, and a POST then gets
 * its 503 anyway.
 */
@ApplicationScoped
public class DigestEntriesTopic {

    void create(@Observes StartupEvent start,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            IngestConfig config) {
        int partitions = config.topicPartitions();
        CompletableFuture.runAsync(() -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
                admin.createTopics(List.of(new NewTopic(Topics.DIGEST_ENTRIES, partitions, (short) -1)))
                        .all().get(15, TimeUnit.SECONDS);
                Log.infof("Created topic %s with %d partitions", Topics.DIGEST_ENTRIES, partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    Log.warnf("Could not create topic %s: %s", Topics.DIGEST_ENTRIES, e.getCause().toString());
                }
            } catch (Exception e) {
                Log.warnf(e, "Could not create topic %s", Topics.DIGEST_ENTRIES);
            }
        });
    }
}
