package dev.paperstream.enrich.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Quarkus test resource: a PostgreSQL server of the test's own (embedded, from Maven Central binaries) that the
 * test may stop and start again on the same port and data, as a real server restart looks to the service. The
 * machine's shared server is never restarted.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile RestartablePostgres running;

    private Path dataDir;
    private int port;
    private EmbeddedPostgres server;

    public static RestartablePostgres server() {
        if (running == null) {
            throw new IllegalStateException("no restartable PostgreSQL: use a test profile that starts RestartablePostgres");
        }
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("paperstream-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch(0);
        port = server.getPort();
        running = this;
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a restart). */
    public synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again on the same port and data. */
    public synchronized void startServer() {
        launch(port);
    }

    private void launch(int onPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false);
            if (onPort > 0) {
                builder.setPort(onPort);
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL in " + dataDir, e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            stopServer();
        }
        running = null;
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
