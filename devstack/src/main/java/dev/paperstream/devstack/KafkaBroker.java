package dev.paperstream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in a JVM process of its own,
 * started from the Apache Kafka jars of Maven Central. Used by the tests and by the local launcher because
 * this project must run where no Docker engine exists.
 */
public final class KafkaBroker implements TestBroker {

    // Generous: on a shared 2-core machine under a load of 30 to 40 a start has been seen to take over a minute.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final boolean scratch;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort, boolean scratch) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.scratch = scratch;
        this.classpath = brokerClasspath();
    }

    /**
     * Starts a broker on free ports with fresh storage under {@code dir}; {@link #close()} deletes that storage,
     * so repeated test runs do not fill the disk.
     */
    public static KafkaBroker startFresh(Path dir) {
        return start(new KafkaBroker(dir, FreePorts.next(), FreePorts.next(), true));
    }

    /**
     * Starts a broker on the given ports, formatting {@code dir} only when it holds no storage yet, so a
     * local run keeps its topics between runs.
     */
    public static KafkaBroker start(Path dir, int port, int controllerPort) {
        return start(new KafkaBroker(dir, port, controllerPort, false));
    }

    private static KafkaBroker start(KafkaBroker broker) {
        broker.prepare();
        broker.launch();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s); storage stays, so {@link #restart()} resumes. */
    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the stopped broker again on the same ports and storage. */
    @Override
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
        if (scratch) {
            deleteRecursively(dir);
        }
    }

    private void prepare() {
        try {
            Files.createDirectories(dir);
            Path logs = dir.resolve("data");
            Files.writeString(dir.resolve("server.properties"), serverProperties(logs), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the storage; a failure reports the tool's own output, since its log dies with the temporary dir. */
    private void format() {
        List<String> command = List.of("kafka.tools.StorageTool", "format", "--cluster-id",
                Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString(), "--standalone");
        Path log = dir.resolve("format.log");
        if (!run(command, log)) {
            throw new IllegalStateException("'" + command + "' failed; " + log + " says:\n" + tail(log));
        }
    }

    private void launch() {
        try {
            List<String> command = javaCommand(List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see "
                        + dir.resolve("broker.log"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(200);
            }
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT + "; see "
                + dir.resolve("broker.log"), last);
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
    }

    private String serverProperties(Path logs) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logs.toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        StringBuilder out = new StringBuilder();
        p.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    private boolean run(List<String> mainAndArgs, Path log) {
        try {
            Process p = new ProcessBuilder(javaCommand(mainAndArgs))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Files.writeString(log, "(no exit after 60 s)\n", StandardOpenOption.APPEND);
                return false;
            }
            if (p.exitValue() != 0) {
                Files.writeString(log, "(exit code " + p.exitValue() + ")\n", StandardOpenOption.APPEND);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> javaCommand(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + dir,
                "-cp", classpath));
        command.addAll(mainAndArgs);
        return command;
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build the devstack module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String LOG4J2 = """
            status = warn
            appender.file.type = File
            appender.file.name = file
            appender.file.fileName = ${sys:kafka.logs.dir}/server.log
            appender.file.layout.type = PatternLayout
            appender.file.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = WARN
            rootLogger.appenderRef.file.ref = file
            logger.kafka.name = kafka
            logger.kafka.level = INFO
            """;
}
