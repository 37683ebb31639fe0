package dev.paperstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real Kafka broker in its own process for the test run, with fresh storage.
 * Tests that need to stop and restart it reach it through {@link #broker()}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("no Kafka broker: annotate the test with @QuarkusTestResource(KafkaBrokerTestResource.class)");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.startFresh(Files.createTempDirectory("paperstream-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
