package dev.paperstream.devstack;

import java.util.UUID;

/** A database of its own for one test run, created on the configured server and dropped on close. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** A database on the configured server ({@link PostgresServer#configured()}). */
    public static TestDatabase create(String prefix) {
        return create(prefix, PostgresServer.configured());
    }

    public static TestDatabase create(String prefix, PostgresServer server) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.ensureDatabase(name);
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }
}
