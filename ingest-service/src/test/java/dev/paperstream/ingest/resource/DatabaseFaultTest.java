package dev.paperstream.ingest.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.paperstream.http.DatabaseFault;
import jakarta.persistence.PersistenceException;

/** The SQLSTATE decides the status: a refused value is the client's, a lost connection an outage, the rest ours. */
class DatabaseFaultTest {

    @Test
    void values_postgresql_refuses_are_client_errors() {
        SQLException outOfRange = new SQLException("ERROR: date/time field value out of range: \"6000000-01-01\"\n  Where: x", "22008");

        assertThat(DatabaseFault.of(new PersistenceException("wrapped", outOfRange))).isEqualTo(DatabaseFault.INVALID_VALUE);
        assertThat(DatabaseFault.of(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .isEqualTo(DatabaseFault.INVALID_VALUE);
        assertThat(DatabaseFault.message(new PersistenceException(outOfRange)))
                .isEqualTo("ERROR: date/time field value out of range: \"6000000-01-01\"");
    }

    @Test
    void lost_connections_and_an_empty_pool_are_outages() {
        assertThat(DatabaseFault.of(new PersistenceException(new SQLException("refused", "08001")))).isEqualTo(DatabaseFault.UNAVAILABLE);
        assertThat(DatabaseFault.of(new SQLException("terminating connection", "57P01"))).isEqualTo(DatabaseFault.UNAVAILABLE);
        assertThat(DatabaseFault.of(new SQLException("deadlock", "40P01"))).isEqualTo(DatabaseFault.UNAVAILABLE);
        assertThat(DatabaseFault.of(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(DatabaseFault.UNAVAILABLE);
    }

    @Test
    void everything_else_is_ours() {
        assertThat(DatabaseFault.of(new SQLException("syntax error", "42601"))).isEqualTo(DatabaseFault.UNEXPECTED);
        assertThat(DatabaseFault.of(new PersistenceException("no SQL cause"))).isEqualTo(DatabaseFault.UNEXPECTED);
    }
}
