package dev.paperstream.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.paperstream.events.Topics;

/**
 * The whole pipeline on one machine with one command: a Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} is
 * set), PostgreSQL (the configured server, else 127.0.0.1:5432, else an embedded one), then the four services from
 * their built jars. With {@code --infra-only}, Kafka and PostgreSQL alone, for services in dev mode
 * ({@code quarkus:dev}) on a machine without Docker. Everything it started stops on Ctrl-C. State lives in
 * {@code .paperstream/} so the catalogue survives restarts.
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String DATABASE = "paperstream";

    private final Path projectDir;
    private final Path stateDir;
    private final boolean infraOnly;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile boolean stopping;

    private LocalStack(Path projectDir, boolean infraOnly) {
        this.projectDir = projectDir;
        this.stateDir = projectDir.resolve(".paperstream");
        this.infraOnly = infraOnly;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        boolean infraOnly = arguments.contains("--infra-only");
        Path projectDir = Path.of(arguments.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("."))
                .toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(projectDir, infraOnly);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stopAll();
            stopped.countDown();
        }, "paperstream-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("paperstream: " + e.getMessage());
            System.exit(1);
        }
        stack.watch();
        stopped.await();
    }

    private void startAll() throws IOException {
        Files.createDirectories(stateDir.resolve("logs"));

        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            requireFree(9092, "Kafka");
            requireFree(9093, "the Kafka controller");
            say("starting Kafka (KRaft) on 127.0.0.1:9092, data in " + stateDir.resolve("kafka"));
            KafkaBroker broker = KafkaBroker.start(stateDir.resolve("kafka"), 9092, 9093);
            started.push(broker);
            broker.createTopics(1, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
            bootstrap = broker.bootstrapServers();
        } else {
            say("using Kafka at " + bootstrap);
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        String jdbcUrl = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            PostgresServer postgres = PostgresServer.configuredOrEmbedded(stateDir.resolve("postgres"));
            if (postgres.isEmbedded()) {
                started.push(postgres);
                say("no PostgreSQL at 127.0.0.1:5432: started an embedded one, data in " + stateDir.resolve("postgres"));
            }
            postgres.ensureDatabase(DATABASE);
            jdbcUrl = postgres.jdbcUrl(DATABASE);
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        say("using PostgreSQL at " + jdbcUrl);

        if (infraOnly) {
            say("");
            say("Kafka and PostgreSQL are running (Ctrl-C stops them). For a service in dev mode, in another shell:");
            env.forEach((name, value) -> say("  export " + name + "='" + value + "'"));
            say("  ./mvnw -pl enrich-service -am quarkus:dev     # then ingest-service, query-service the same way");
            say("(with these set, Dev Services start no containers; dev mode accepts writes with the token dev-token)");
            return;
        }

        String tokens = System.getenv("PAPERSTREAM_API_TOKENS");
        String devToken = null;
        if (tokens == null || tokens.isBlank()) {
            devToken = "dev-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            tokens = devToken;
        }
        env.put("PAPERSTREAM_API_TOKENS", tokens);

        // enrich owns the catalogue schema and ingest its receipts: both migrate before query reads them
        ServiceProcess enrich = startService("enrich-service", 8082, env);
        ServiceProcess ingest = startService("ingest-service", 8081, env);
        enrich.awaitReady(READY_TIMEOUT);
        ingest.awaitReady(READY_TIMEOUT);
        ServiceProcess query = startService("query-service", 8083, env).awaitReady(READY_TIMEOUT);
        // webhooks to receivers on this machine (localhost, private addresses) are what a local run is for
        Map<String, String> notifyEnv = new HashMap<>(env);
        notifyEnv.put("PAPERSTREAM_WEBHOOKS_ALLOW_PRIVATE",
                System.getenv().getOrDefault("PAPERSTREAM_WEBHOOKS_ALLOW_PRIVATE", "true"));
        ServiceProcess notify = startService("notify-service", 8084, notifyEnv).awaitReady(READY_TIMEOUT);

        say("");
        say("paperstream is running (Ctrl-C stops everything):");
        say("  ingest  " + ingest.baseUrl() + "   POST /digests");
        say("  enrich  " + enrich.baseUrl() + "   Kafka " + bootstrap + " topic " + Topics.PAPERS_ENRICHED);
        say("  query   " + query.baseUrl() + "   GET /papers, /topics, /digests  (Swagger UI: /q/swagger-ui)");
        say("  notify  " + notify.baseUrl() + "   POST /subscriptions: webhooks for any /papers filter");
        say("  logs    " + stateDir.resolve("logs"));
        if (devToken != null) {
            say("  dev token (PAPERSTREAM_API_TOKENS): " + devToken);
            say("");
            say("  curl -H 'Authorization: Bearer " + devToken + "' -H 'Content-Type: text/plain' \\");
            say("       --data-binary @my-digest.txt " + ingest.baseUrl() + "/digests");
        }
    }

    private ServiceProcess startService(String module, int port, Map<String, String> env) {
        requireFree(port, module);
        say("starting " + module + " on port " + port);
        ServiceProcess service = ServiceProcess.start(projectDir, module, port, env,
                stateDir.resolve("logs").resolve(module + ".log"));
        started.push(service);
        return service;
    }

    /** Exits (and so stops everything) when a service dies, pointing at its log. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            Thread.sleep(1000);
            for (AutoCloseable resource : List.copyOf(started)) {
                if (resource instanceof ServiceProcess service && !service.isAlive()) {
                    // Ctrl-C reaches the services too (same process group): give our own shutdown hook a moment
                    Thread.sleep(1000);
                    if (!stopping) {
                        System.err.println("paperstream: " + service.name() + " stopped; see " + service.log());
                        System.exit(1);
                    }
                    return;
                }
            }
        }
    }

    private synchronized void stopAll() {
        stopping = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("paperstream: while stopping: " + e.getMessage());
            }
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is in use; stop whatever holds it"
                    + (port == 9092 ? " or set KAFKA_BOOTSTRAP_SERVERS to use that broker" : ""));
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
