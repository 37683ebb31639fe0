package dev.paperstream.notify.persistence;

import java.sql.SQLException;

/** A failed statement of the outbox or subscription store; its cause carries the SQLSTATE. */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
