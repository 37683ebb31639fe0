package dev.paperstream.ingest.domain;

import java.util.List;

/**
 * One paper of a digest, ready to publish.
 *
 * @param position   1-based place in the digest after in-digest duplicates were dropped
 * @param authors    author names in order; empty when the digest gave none
 * @param categories arXiv categories, primary first; empty when the digest gave none
 * @param upvotes    the digest's upvote count for the entry, or {@code null}
 */
public record Entry(int position, String paperId, String arxivId, String title, String abstractText, String url,
        List<String> authors, List<String> categories, Integer upvotes) {
}
