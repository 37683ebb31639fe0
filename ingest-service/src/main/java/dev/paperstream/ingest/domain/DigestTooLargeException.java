package dev.paperstream.ingest.domain;

/** The digest is over a configured limit (body size, entry count, size of an entry's event). */
public class DigestTooLargeException extends RuntimeException {

    public DigestTooLargeException(String detail) {
        super(detail);
    }

    public static DigestTooLargeException bodyOver(long limit) {
        return new DigestTooLargeException("The body is larger than the limit of " + limit + " bytes ("
                + limit / (1024 * 1024) + " MiB). Split the digest into smaller ones.");
    }

    public static DigestTooLargeException entriesOver(int count, int limit) {
        return new DigestTooLargeException("The digest has " + count + " entries; at most " + limit
                + " are accepted per digest. Split it into smaller digests.");
    }
}
