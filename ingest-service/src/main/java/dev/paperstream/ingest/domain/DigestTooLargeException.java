package dev.paperstream.ingest.domain;

/** The digest is over a configured limit (body size or entry count). */
public class DigestTooLargeException extends RuntimeException {

    public DigestTooLargeException(String detail) {
        super(detail);
    }

    public static DigestTooLargeException bodyOver(long limit) {
        return new DigestTooLargeException("The body is larger than the limit of " + limit + " bytes ("
                + limit / (1024 * 1024) + " MiB). Split the digest into smaller ones.");
    }
}
