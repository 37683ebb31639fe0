package dev.paperstream.query.domain;

/** The live stream cannot serve: it is switched off or not yet reading the broker. */
public class StreamUnavailableException extends RuntimeException {

    public StreamUnavailableException(String detail) {
        super(detail);
    }
}
