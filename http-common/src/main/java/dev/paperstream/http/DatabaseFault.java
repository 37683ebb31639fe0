package dev.paperstream.http;

import java.sql.SQLException;

/**
 * What a database failure means for the request that met it, from the SQLSTATE of the first {@link SQLException}
 * in its causes: a value PostgreSQL refuses is the client's fault, a lost connection is an outage worth retrying,
 * anything else is a fault of ours.
 */
public enum DatabaseFault {

    /** SQLSTATE class 22 (data exception: a value out of range, a NUL in text, a malformed literal): 400. */
    INVALID_VALUE,
    /** Connection, resources, shutdown, serialization or deadlock, or no SQLSTATE at all (the pool): 503. */
    UNAVAILABLE,
    /** Every other SQLSTATE, or no SQL cause: a bug, answered with an incident. */
    UNEXPECTED;

    public static DatabaseFault of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return ofState(sql.getSQLState());
            }
        }
        return UNEXPECTED;
    }

    static DatabaseFault ofState(String state) {
        if (state == null || state.length() != 5) {
            return UNAVAILABLE;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            case "22" -> INVALID_VALUE;
            case "08", "53", "57", "58" -> UNAVAILABLE;
            case "40" -> state.equals("40001") || state.equals("40P01") ? UNAVAILABLE : UNEXPECTED;
            default -> UNEXPECTED;
        };
    }

    /** The first {@link SQLException}'s message: for a refused value, PostgreSQL says which and why. */
    public static String message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().lines().findFirst().orElse("");
            }
        }
        return "";
    }
}
