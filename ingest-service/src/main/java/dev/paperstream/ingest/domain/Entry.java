package dev.paperstream.ingest.domain;

/**
 * One paper of a digest, ready to publish.
 *
 * @param position 1-based place in the digest after in-digest duplicates were dropped
 */
public record Entry(int position, String paperId, String arxivId, String title, String abstractText, String url) {
}
