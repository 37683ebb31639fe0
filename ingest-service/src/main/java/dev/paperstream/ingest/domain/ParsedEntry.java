package dev.paperstream.ingest.domain;

import java.util.List;

/**
 * One entry as a format gave it, text already cleaned.
 *
 * @param title        the title on one line
 * @param abstractText the abstract, paragraphs separated by a blank line; empty when the format gave none
 * @param arxivId      the arXiv id without version, or {@code null}
 * @param url          the entry's own link, or {@code null}
 * @param authors      author names in the format's order; empty when it gave none
 * @param categories   arXiv categories, primary first; empty when the format gave none
 * @param upvotes      the upvote count the digest gave the entry, or {@code null}
 */
public record ParsedEntry(String title, String abstractText, String arxivId, String url, List<String> authors,
        List<String> categories, Integer upvotes) {

    public ParsedEntry {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** An entry of a format that names no authors, categories or upvotes (a page). */
    public ParsedEntry(String title, String abstractText, String arxivId, String url) {
        this(title, abstractText, arxivId, url, List.of(), List.of(), null);
    }
}
