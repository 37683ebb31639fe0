package dev.paperstream.ingest.domain;

/** The Content-Type names no digest format this service reads. */
public class UnsupportedFormatException extends RuntimeException {

    public UnsupportedFormatException(String detail) {
        super(detail);
    }
}
