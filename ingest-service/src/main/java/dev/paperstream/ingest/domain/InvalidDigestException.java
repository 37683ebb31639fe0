package dev.paperstream.ingest.domain;

/** The body could not be read as a digest; the message says what to fix and is shown to the sender. */
public class InvalidDigestException extends RuntimeException {

    public InvalidDigestException(String detail) {
        super(detail);
    }
}
