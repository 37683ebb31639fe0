package dev.paperstream.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a PostgreSQL database of the run's own on a real server, dropped when the tests end. The
 * server is where {@link TestInfra} says: a container, or the configured one ({@link PostgresServer#configured()}).
 */
public class PostgresDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestDatabase database;

    public static TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("no test database: annotate the test with @QuarkusTestResource(PostgresDatabaseTestResource.class)");
        }
        return database;
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("paperstream_test", TestInfra.chosen().postgres());
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
