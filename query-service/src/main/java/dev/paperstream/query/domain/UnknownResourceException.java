package dev.paperstream.query.domain;

/** Something named by the request path that the catalogue does not have. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String detail) {
        super(detail);
    }
}
