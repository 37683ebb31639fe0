package dev.paperstream.enrich.persistence;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Tells a database outage (retry later) from a failure caused by the data (the entry is at fault). */
@ApplicationScoped
public class DatabaseProbe {

    /**
     * SQLSTATE classes that describe the server or the connection, never the row: connection exceptions (08),
     * transaction rollbacks such as deadlocks and serialization failures (40), insufficient resources (53),
     * object not in prerequisite state such as a lock not available (55), operator intervention such as a
     * shutdown or a server still starting (57), and system errors (58).
     */
    private static final Set<String> OUTAGE_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    /** Deadlock detected and serialization failure: PostgreSQL rolled the transaction back so another could go on. */
    private static final Set<String> CONFLICT_STATES = Set.of("40P01", "40001");

    private final AgroalDataSource dataSource;

    public DatabaseProbe(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether {@code failure} is PostgreSQL rolling the transaction back for a conflict with a concurrent one (a
     * deadlock victim, a serialization failure): the server is up and the data is fine, and the same transaction
     * run again goes through.
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return CONFLICT_STATES.contains(sql.getSQLState());
            }
        }
        return false;
    }

    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether {@code failure} is the database being unavailable rather than something wrong with the data. Judged
     * from the failure itself first: a server that restarted in a second is reachable again by the time anyone
     * asks, yet the statement failed because of the restart, not because of the entry. Only a failure that says
     * nothing either way is judged by asking the server now.
     */
    public boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return OUTAGE_CLASSES.contains(sql.getSQLState().substring(0, 2));
            }
        }
        return !isReachable();
    }
}
