package dev.paperstream.enrich.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Tells a database outage (retry later) from a failure caused by the data (the entry is at fault). */
@ApplicationScoped
public class DatabaseProbe {

    private final AgroalDataSource dataSource;

    public DatabaseProbe(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
