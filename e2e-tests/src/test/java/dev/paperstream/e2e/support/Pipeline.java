package dev.paperstream.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.paperstream.devstack.FreePorts;
import dev.paperstream.devstack.KafkaBroker;
import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.events.Topics;

/**
 * The services a test asks for, each from its built jar in a process of its own, against a fresh broker and a
 * database of the test's own. Query starts once the others are ready, as their migrations create the tables it reads.
 * Closing ends everything in the reverse order it started, including what a test hands over with {@link #closeAtEnd}.
 */
public final class Pipeline implements AutoCloseable {

    public enum Service {
        ENRICH("enrich-service"), INGEST("ingest-service"), NOTIFY("notify-service"), QUERY("query-service");

        private final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private final Builder spec;
    private final Path work;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<Service, List<ServiceProcess>> instances = new EnumMap<>(Service.class);
    private KafkaBroker broker;
    private TestDatabase database;

    private Pipeline(Builder spec) throws IOException {
        this.spec = spec;
        this.work = Files.createTempDirectory(spec.name + "-");
    }

    /** {@code name} prefixes the database and the work directory, which holds the broker's data and the logs. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("paperstream.project.dir", "..")).toAbsolutePath().normalize();
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("paperstream.shared.dir", projectDir().resolve("../shared").toString()));
    }

    public KafkaBroker broker() {
        return broker;
    }

    public TestDatabase database() {
        return database;
    }

    public Path work() {
        return work;
    }

    /** The first instance of the service. */
    public ServiceProcess service(Service service) {
        return instances(service).get(0);
    }

    public String baseUrl(Service service) {
        return service(service).baseUrl();
    }

    public List<ServiceProcess> instances(Service service) {
        return instances.getOrDefault(service, List.of());
    }

    /** Every service process started, in the order they started. */
    public List<ServiceProcess> services() {
        return running.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast).toList();
    }

    /** One more instance of the service, ready. */
    public ServiceProcess addInstance(Service service) {
        return start(service, FreePorts.next()).awaitReady(spec.ready);
    }

    /** Stops the service's only instance and starts it again on its port, so clients keep their URL. */
    public ServiceProcess restart(Service service) {
        ServiceProcess old = service(service);
        old.close();
        running.remove(old);
        instances.get(service).remove(old);
        return start(service, old.port()).awaitReady(spec.ready);
    }

    /** A consumer of {@code topic} from its beginning, in a group of its own; the caller closes it. */
    public KafkaConsumer<String, String> consumer(String topic) {
        return consumer(topic, Map.of());
    }

    public KafkaConsumer<String, String> consumer(String topic, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, spec.name + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(overrides);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Closes {@code resource} with the pipeline, before anything started earlier. */
    public <T extends AutoCloseable> T closeAtEnd(T resource) {
        running.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
    }

    private void start() throws ExecutionException, InterruptedException {
        broker = closeAtEnd(KafkaBroker.startFresh(work.resolve("kafka")));
        broker.createTopics(spec.partitions, Topics.DIGEST_ENTRIES, Topics.PAPERS_ENRICHED, Topics.DIGEST_ENTRIES_DLQ);
        if (!spec.topicConfigs.isEmpty()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.incrementalAlterConfigs(spec.topicConfigs).all().get();
            }
        }
        database = closeAtEnd(TestDatabase.create(spec.name));

        List<ServiceProcess> first = new ArrayList<>();
        spec.services.forEach((service, count) -> {
            if (service != Service.QUERY) {
                for (int i = 0; i < count; i++) {
                    first.add(start(service, FreePorts.next()));
                }
            }
        });
        first.forEach(process -> process.awaitReady(spec.ready));
        for (int i = 0; i < spec.services.getOrDefault(Service.QUERY, 0); i++) {
            start(Service.QUERY, FreePorts.next()).awaitReady(spec.ready);
        }
    }

    private ServiceProcess start(Service service, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("PAPERSTREAM_API_TOKENS", spec.tokens);
        env.putAll(spec.env.getOrDefault(service, Map.of()));
        List<ServiceProcess> started = instances.computeIfAbsent(service, s -> new ArrayList<>());
        String log = service.module + (started.isEmpty() ? "" : "-" + (started.size() + 1)) + ".log";
        ServiceProcess process = closeAtEnd(ServiceProcess.start(spec.projectDir, service.module, port, env,
                work.resolve("logs").resolve(log)));
        started.add(process);
        return process;
    }

    public static final class Builder {

        private final String name;
        private final Map<Service, Integer> services = new EnumMap<>(Service.class);
        private final Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
        private final Map<ConfigResource, Collection<AlterConfigOp>> topicConfigs = new HashMap<>();
        private Path projectDir = Pipeline.projectDir();
        private String tokens = "e2e-" + UUID.randomUUID();
        private Duration ready = Duration.ofMinutes(2);
        private int partitions = 3;

        private Builder(String name) {
            this.name = name;
        }

        public Builder services(Service... wanted) {
            for (Service service : wanted) {
                services.put(service, 1);
            }
            return this;
        }

        public Builder instances(Service service, int count) {
            services.put(service, count);
            return this;
        }

        /** The value of {@code PAPERSTREAM_API_TOKENS}: write tokens, comma-separated. */
        public Builder tokens(String tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder env(Service service, String name, String value) {
            env.computeIfAbsent(service, s -> new HashMap<>()).put(name, value);
            return this;
        }

        public Builder topicConfig(String topic, String name, String value) {
            topicConfigs.computeIfAbsent(new ConfigResource(ConfigResource.Type.TOPIC, topic), t -> new ArrayList<>())
                    .add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
            return this;
        }

        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** How long each service may take to answer {@code /q/health/ready}. */
        public Builder readyWithin(Duration ready) {
            this.ready = ready;
            return this;
        }

        public Builder projectDir(Path projectDir) {
            this.projectDir = projectDir;
            return this;
        }

        /** Starts everything asked for; on a failure, stops what had started before it fails. */
        public Pipeline start() throws IOException {
            Pipeline pipeline = new Pipeline(this);
            try {
                pipeline.start();
                return pipeline;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pipeline.close();
                throw new IllegalStateException(e);
            } catch (ExecutionException | RuntimeException e) {
                pipeline.close();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
    }
}
