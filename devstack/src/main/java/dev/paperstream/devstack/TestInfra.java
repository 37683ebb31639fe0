package dev.paperstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' Kafka broker and PostgreSQL server come from, chosen once per test JVM by
 * {@code -Dpaperstream.test.infra} (or {@code PAPERSTREAM_TEST_INFRA}):
 * <ul>
 * <li>{@code containers}: Testcontainers, from the images {@code PAPERSTREAM_KAFKA_IMAGE} and
 * {@code PAPERSTREAM_POSTGRES_IMAGE} name (default: the official {@code apache/kafka} of the build's Kafka version and
 * {@code postgres:15});</li>
 * <li>{@code local}: no Docker, a broker process from Maven Central's Kafka jars and databases on the configured
 * PostgreSQL server ({@link PostgresServer#configured()});</li>
 * <li>{@code auto} (the default): containers when a Docker engine answers and Testcontainers is on the test class
 * path, local otherwise.</li>
 * </ul>
 */
public enum TestInfra {

    CONTAINERS, LOCAL;

    public static final String PROPERTY = "paperstream.test.infra";

    private static volatile TestInfra chosen;

    public static TestInfra chosen() {
        TestInfra infra = chosen;
        if (infra == null) {
            synchronized (TestInfra.class) {
                if (chosen == null) {
                    String setting = setting();
                    chosen = choose(setting, TestInfra::dockerAnswers);
                    System.out.println("paperstream tests: Kafka and PostgreSQL from " + chosen.describe()
                            + " (" + PROPERTY + "=" + setting + ")");
                }
                infra = chosen;
            }
        }
        return infra;
    }

    static TestInfra choose(String setting, BooleanSupplier dockerAnswers) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "containers" -> CONTAINERS;
            case "local" -> LOCAL;
            case "auto", "" -> dockerAnswers.getAsBoolean() ? CONTAINERS : LOCAL;
            default -> throw new IllegalArgumentException(PROPERTY + " is '" + setting
                    + "'; it takes auto, containers or local");
        };
    }

    /** A fresh broker for one test run, with empty storage. */
    public TestBroker startBroker() {
        if (this == CONTAINERS) {
            return ContainerInfra.startBroker();
        }
        try {
            return KafkaBroker.startFresh(Files.createTempDirectory("paperstream-kafka-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server to create this run's databases on; shared by the runs of one JVM, like a developer's own server. */
    public PostgresServer postgres() {
        return this == CONTAINERS ? ContainerInfra.postgres() : PostgresServer.configured();
    }

    private String describe() {
        return this == CONTAINERS ? "containers (" + ContainerInfra.images() + ")"
                : "a local broker process and the PostgreSQL at " + PostgresServer.configured().jdbcUrl("");
    }

    private static String setting() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("PAPERSTREAM_TEST_INFRA");
        return env == null || env.isBlank() ? "auto" : env;
    }

    private static boolean dockerAnswers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestInfra.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return ContainerInfra.dockerAnswers();
    }
}
