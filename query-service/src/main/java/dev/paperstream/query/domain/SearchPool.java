package dev.paperstream.query.domain;

import java.time.LocalDate;

/**
 * How many matches a relevance-ranked search ranks: the newest {@code size} papers that match. Ranking reads each
 * ranked paper's text-search vector, so ranking every match of a word found in most papers would cost time in
 * proportion to the catalogue; the newest matches are the ones a digest reader looks for, and {@code sort=recent}
 * still reaches every match.
 *
 * <p>The pool's oldest paper on the first page becomes its {@link Floor}: later pages rank every match at or
 * above the floor, so papers arriving while a client pages can join but never push a paper out.
 */
public record SearchPool(int size) {

    /** The (first seen, id) of the oldest paper in a full pool. */
    public record Floor(LocalDate firstSeen, String id) {
    }
}
