package dev.paperstream.ingest.domain;

/**
 * One entry as a format gave it, text already cleaned.
 *
 * @param title        the title on one line
 * @param abstractText the abstract, paragraphs separated by a blank line; empty when the format gave none
 * @param arxivId      the arXiv id without version, or {@code null}
 * @param url          the entry's own link, or {@code null}
 */
public record ParsedEntry(String title, String abstractText, String arxivId, String url) {
}
