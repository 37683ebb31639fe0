package dev.paperstream.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real Kafka broker for the test run, with fresh storage, from where {@link TestInfra}
 * says (a container, or a process of its own). Tests that need to restart it reach it through {@link #broker()}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestBroker broker;

    public static TestBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("no Kafka broker: annotate the test with @QuarkusTestResource(KafkaBrokerTestResource.class)");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = TestInfra.chosen().startBroker();
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
