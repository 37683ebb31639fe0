package dev.paperstream.ingest.domain;

/**
 * A paragraph of a digest page, its lines joined with single spaces, with where it stands on the page.
 *
 * @param singleLine whether the page had it on one line (a title always is)
 * @param firstLine  1-based line number of its first line
 * @param lastLine   1-based line number of its last line
 */
record PageParagraph(String text, boolean singleLine, int firstLine, int lastLine) {
}
