package dev.paperstream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@link TestInfra#CONTAINERS}: Kafka and PostgreSQL from Testcontainers. Only this class names Testcontainers types,
 * so the local path runs without them on the class path.
 */
final class ContainerInfra {

    // As for the local broker process (KafkaBroker): on a shared 2-core machine at a load of 30 a broker JVM has been
    // seen to take over a minute to start, past Testcontainers' 60 s default.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private static PostgresServer postgres;

    private ContainerInfra() {
    }

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static String images() {
        return kafkaImage() + ", " + postgresImage();
    }

    /**
     * The official image of the build's own Kafka version unless {@code PAPERSTREAM_KAFKA_IMAGE} names another,
     * as in docker-compose.yml.
     */
    static DockerImageName kafkaImage() {
        return image("PAPERSTREAM_KAFKA_IMAGE", officialKafkaImage(), "apache/kafka");
    }

    static String officialKafkaImage() {
        return "apache/kafka:" + kafkaVersion();
    }

    static DockerImageName postgresImage() {
        return image("PAPERSTREAM_POSTGRES_IMAGE", "postgres:15", "postgres");
    }

    static TestBroker startBroker() {
        return new Broker(kafkaImage());
    }

    /**
     * One PostgreSQL container for the whole test JVM, as the local path shares the developer's server: each test run
     * still gets a database of its own on it. Removed when the JVM exits (Ryuk may be disabled where its image cannot
     * be pulled).
     */
    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            PostgreSQLContainer container = new PostgreSQLContainer(postgresImage());
            container.withStartupTimeout(READY_TIMEOUT);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "paperstream-postgres-container"));
            postgres = PostgresServer.at(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                    container.getUsername(), container.getPassword());
        }
        return postgres;
    }

    private static DockerImageName image(String variable, String official, String compatibleWith) {
        String configured = System.getenv(variable);
        String name = configured == null || configured.isBlank() ? official : configured;
        return DockerImageName.parse(name).asCompatibleSubstituteFor(compatibleWith);
    }

    private static String kafkaVersion() {
        try (InputStream in = ContainerInfra.class.getResourceAsStream("versions.properties")) {
            Properties versions = new Properties();
            versions.load(in);
            return versions.getProperty("kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker container on a fixed host port: a restart (the container stopped and started again) keeps the address
     * its clients and its advertised listener know.
     */
    private static final class Broker implements TestBroker {

        private final BrokerContainer container;
        private boolean stopped;

        Broker(DockerImageName image) {
            container = new BrokerContainer(image, FreePorts.next());
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public synchronized void stop() {
            if (!stopped) {
                DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(20).exec();
                stopped = true;
            }
        }

        @Override
        public synchronized void restart() {
            stop();
            DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
            stopped = false;
            awaitReady();
        }

        @Override
        public void close() {
            container.stop();
        }

        private void awaitReady() {
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            Exception last = null;
            while (Instant.now().isBefore(deadline)) {
                try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = e;
                    sleep();
                }
            }
            throw new IllegalStateException("Kafka container not ready " + READY_TIMEOUT + " after its restart", last);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class BrokerContainer extends KafkaContainer {

        BrokerContainer(DockerImageName image, int hostPort) {
            super(image);
            addFixedExposedPort(hostPort, 9092);
            withStartupTimeout(READY_TIMEOUT);
            // What the local broker process runs with (KafkaBroker): the same heap and single-node internal topics.
            withEnv("KAFKA_HEAP_OPTS", "-Xms256m -Xmx768m");
            withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1");
            withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
            withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        }
    }
}
