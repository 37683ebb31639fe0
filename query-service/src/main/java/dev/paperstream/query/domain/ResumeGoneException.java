package dev.paperstream.query.domain;

/** A Last-Event-ID the stream no longer holds (or never sent): the client must catch up by other means. */
public class ResumeGoneException extends RuntimeException {

    public ResumeGoneException(String detail) {
        super(detail);
    }
}
