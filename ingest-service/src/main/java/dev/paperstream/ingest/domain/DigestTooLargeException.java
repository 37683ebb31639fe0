package dev.paperstream.ingest.domain;

/** The digest is over a configured limit (body size or entry count). */
public class DigestTooLargeException extends RuntimeException {

    public DigestTooLargeException(String detail) {
        super(detail);
    }
}
