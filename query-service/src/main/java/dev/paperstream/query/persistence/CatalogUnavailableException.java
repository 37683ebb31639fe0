package dev.paperstream.query.persistence;

/** The catalogue database could not answer; shown to clients as 503, never with SQL details. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(Throwable cause) {
        super("the catalogue database could not answer", cause);
    }
}
