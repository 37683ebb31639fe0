package dev.paperstream.enrich.messaging;

/** An entry that no retry can fix (bad JSON, missing fields, enrichment failing on it); it goes to the DLQ. */
public class UnprocessableEntryException extends RuntimeException {

    public UnprocessableEntryException(String reason) {
        super(reason);
    }

    public UnprocessableEntryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
