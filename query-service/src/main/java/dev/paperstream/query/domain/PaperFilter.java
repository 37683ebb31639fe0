package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A validated paper listing question: every filter is optional and all given filters must match.
 *
 * @param searchText web-search syntax text ({@code "exact phrase"}, {@code -excluded}, {@code or}), or null
 * @param topics     topic slugs the paper must all carry, sorted and distinct
 * @param model      model family mentioned (case-insensitive), or null
 * @param benchmark  benchmark or dataset mentioned (case-insensitive), or null
 * @param hasCode    whether the paper must (true) or must not (false) link code, or null
 * @param linkKind   a link kind the paper must have, or null
 * @param digest     a digest the paper must have appeared in, or null
 * @param from       earliest first-seen date (inclusive), or null
 * @param to         latest first-seen date (inclusive), or null
 * @param sort       the order
 */
public record PaperFilter(
        String searchText,
        List<String> topics,
        String model,
        String benchmark,
        Boolean hasCode,
        String linkKind,
        String digest,
        LocalDate from,
        LocalDate to,
        PaperSort sort) {

    public static final int MAX_SEARCH_LENGTH = 500;
    public static final int MAX_TOPICS = 10;
    private static final int MAX_NAME_LENGTH = 200;

    /** Parses raw query-parameter values (each may be null). */
    public static PaperFilter parse(String q, List<String> topics, String model, String benchmark, String hasCode,
                                    String linkKind, String digest, String from, String to, String sort) {
        String searchText = Params.text("q", q, MAX_SEARCH_LENGTH);
        List<String> slugs = topics == null ? List.of() : topics.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(slug -> !slug.isEmpty())
                .distinct()
                .sorted()
                .toList();
        if (!slugs.stream().allMatch(Params::storable)) {
            throw new InvalidParameterException("topic", "topic must not contain NUL characters");
        }
        if (slugs.size() > MAX_TOPICS) {
            throw new InvalidParameterException("topic", "topic may be given at most " + MAX_TOPICS + " times");
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidParameterException("from", "from must not be after to");
        }
        return new PaperFilter(
                searchText,
                slugs,
                Params.text("model", model, MAX_NAME_LENGTH),
                Params.text("benchmark", benchmark, MAX_NAME_LENGTH),
                Params.bool("hasCode", hasCode),
                LinkKind.parse("linkKind", linkKind),
                Params.text("digest", digest, MAX_NAME_LENGTH),
                fromDate,
                toDate,
                PaperSort.parse(sort, searchText != null));
    }

    /** A filter with only a topic, newest first (topic feeds). */
    public static PaperFilter topic(String slug) {
        return new PaperFilter(null, List.of(slug), null, null, null, null, null, null, null, PaperSort.RECENT);
    }

    /** A filter with only a search text, newest first (search feeds). */
    public static PaperFilter search(String searchText) {
        return new PaperFilter(searchText, List.of(), null, null, null, null, null, null, null, PaperSort.RECENT);
    }

    /**
     * Identifies the question for cursors: a cursor is only valid for the question it was issued for. The limit
     * is left out on purpose, so a client may change its page size while paging.
     */
    public String fingerprint() {
        return String.join("\u001f", "papers", String.valueOf(searchText), String.join(",", topics),
                lower(model), lower(benchmark), String.valueOf(hasCode), String.valueOf(linkKind),
                String.valueOf(digest), String.valueOf(from), String.valueOf(to), sort.value());
    }

    private static String lower(String text) {
        return text == null ? "null" : text.toLowerCase(java.util.Locale.ROOT);
    }
}
