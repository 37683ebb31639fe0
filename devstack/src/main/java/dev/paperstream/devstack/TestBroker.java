package dev.paperstream.devstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.paperstream.events.Topics;

/**
 * A real Kafka broker of one test run, wherever it runs: a process of its own ({@link KafkaBroker}) or a container
 * ({@link TestInfra#CONTAINERS}). Tests see only its address, its topics and a restart.
 */
public interface TestBroker extends AutoCloseable {

    String bootstrapServers();

    /** Stops the broker as an outage would; its storage stays, so {@link #restart()} resumes it. */
    void stop();

    /** Starts the broker again (stopping it first if it runs) on the same address and storage. */
    void restart();

    @Override
    void close();

    /**
     * Creates topics (idempotently) with the given partition count and the settings {@link Topics#configOf} names;
     * a topic that already exists (a local run's earlier state) gets those settings too.
     */
    default void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, partitions, (short) 1).configs(Topics.configOf(name)));
            }
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e);
                    }
                }
            });
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            for (String name : names) {
                if (!Topics.configOf(name).isEmpty()) {
                    settings.put(new ConfigResource(ConfigResource.Type.TOPIC, name), Topics.configOf(name).entrySet().stream()
                            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                            .toList());
                }
            }
            if (!settings.isEmpty()) {
                try {
                    admin.incrementalAlterConfigs(settings).all().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("could not set the settings of topics " + settings.keySet(), e);
                }
            }
        }
    }
}
