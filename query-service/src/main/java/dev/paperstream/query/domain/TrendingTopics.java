package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Papers first seen per topic in a window against the window before it, rising topics first.
 *
 * @param window       the window length, like {@code 7d}
 * @param from         first day of the window
 * @param to           last day of the window
 * @param previousFrom first day of the window compared against
 * @param previousTo   last day of the window compared against
 */
public record TrendingTopics(String window, LocalDate from, LocalDate to, LocalDate previousFrom,
                             LocalDate previousTo, List<Trend> items) {

    /** A topic's paper count in the window and in the previous one; {@code change} is their difference. */
    public record Trend(String slug, String name, long count, long previousCount, long change) {
    }
}
