package dev.paperstream.filter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

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
 * @param author     a substring one of the paper's author names must contain, ignoring case and accents, white
 *                   space collapsed; or null
 * @param category   an arXiv category the paper must carry (exact, e.g. {@code cs.CL}), or null
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
        String author,
        String category,
        LocalDate from,
        LocalDate to,
        PaperSort sort) {

    public static final int MAX_SEARCH_LENGTH = 500;
    public static final int MAX_TOPICS = 10;
    private static final int MAX_NAME_LENGTH = 200;
    /** arXiv's category names: an archive and maybe a subject class ({@code cs.CL}, {@code hep-th}, {@code cond-mat.mes-hall}). */
    private static final Pattern CATEGORY = Pattern.compile("[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]+(?:-[a-z]+)*)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public PaperFilter {
        searchText = searchText == null ? null : SearchText.withShallowNegations(searchText);
    }

    /** The query parameters a filter is written with, as {@code GET /papers} takes them. */
    public static final List<String> PARAMETERS = List.of("q", "topic", "model", "benchmark", "hasCode", "linkKind",
            "digest", "author", "category", "from", "to", "sort");

    /**
     * Parses query parameters by name, as {@code GET /papers} reads them: {@code topic} may repeat, any other takes
     * its first value, and a parameter given without a value is blank. A name not in {@link #PARAMETERS} is refused
     * (a misspelt filter would otherwise select every paper).
     */
    public static PaperFilter parse(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter " + name + "; a filter takes "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        return parse(first(parameters, "q"), parameters.getOrDefault("topic", List.of()), first(parameters, "model"),
                first(parameters, "benchmark"), first(parameters, "hasCode"), first(parameters, "linkKind"),
                first(parameters, "digest"), first(parameters, "author"), first(parameters, "category"),
                first(parameters, "from"), first(parameters, "to"), first(parameters, "sort"));
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /**
     * The filter as query parameters in a canonical order and spelling (URL-encoded, no leading {@code ?}; empty for
     * no filter): equal filters give equal strings, and {@link #parse(Map)} of it gives this filter back. The sort is
     * written only where it is not the default.
     */
    public String toQueryString() {
        List<String[]> pairs = new ArrayList<>();
        add(pairs, "q", searchText);
        topics.forEach(topic -> add(pairs, "topic", topic));
        add(pairs, "model", model);
        add(pairs, "benchmark", benchmark);
        add(pairs, "hasCode", hasCode);
        add(pairs, "linkKind", linkKind);
        add(pairs, "digest", digest);
        add(pairs, "author", author);
        add(pairs, "category", category);
        add(pairs, "from", from);
        add(pairs, "to", to);
        if (sort != (searchText != null ? PaperSort.RELEVANCE : PaperSort.RECENT)) {
            add(pairs, "sort", sort.value());
        }
        StringJoiner query = new StringJoiner("&");
        pairs.forEach(pair -> query.add(pair[0] + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8)
                .replace("+", "%20")));
        return query.toString();
    }

    private static void add(List<String[]> pairs, String name, Object value) {
        if (value != null) {
            pairs.add(new String[] {name, value.toString()});
        }
    }

    /** Parses raw query-parameter values (each may be null). */
    public static PaperFilter parse(String q, List<String> topics, String model, String benchmark, String hasCode,
                                    String linkKind, String digest, String author, String category, String from,
                                    String to, String sort) {
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
                author(author),
                category(category),
                fromDate,
                toDate,
                PaperSort.parse(sort, searchText != null));
    }

    /** A filter with only a topic, newest first (topic feeds). */
    public static PaperFilter topic(String slug) {
        return new PaperFilter(null, List.of(slug), null, null, null, null, null, null, null, null, null,
                PaperSort.RECENT);
    }

    /** This filter with the newest papers first, whatever its sort (feeds, which follow what is new). */
    public PaperFilter newestFirst() {
        return new PaperFilter(searchText, topics, model, benchmark, hasCode, linkKind, digest, author, category, from, to,
                PaperSort.RECENT);
    }

    /** A filter with only a search text, newest first (search feeds). */
    public static PaperFilter search(String searchText) {
        return new PaperFilter(searchText, List.of(), null, null, null, null, null, null, null, null, null,
                PaperSort.RECENT);
    }

    /**
     * An author filter given but empty would match every paper, which looks like an answer and is not one, so it is
     * refused rather than ignored. Runs of white space become one space, as in stored names.
     */
    private static String author(String raw) {
        requireNotBlank("author", raw);
        String text = Params.text("author", raw, MAX_NAME_LENGTH);
        return text == null ? null : SPACES.matcher(text).replaceAll(" ");
    }

    private static String category(String raw) {
        requireNotBlank("category", raw);
        String text = Params.text("category", raw, MAX_NAME_LENGTH);
        if (text != null && !CATEGORY.matcher(text).matches()) {
            throw new InvalidParameterException("category", "category must be an arXiv category like cs.CL or hep-th");
        }
        return text;
    }

    private static void requireNotBlank(String parameter, String raw) {
        if (raw != null && raw.isBlank()) {
            throw new InvalidParameterException(parameter, parameter + " must not be blank");
        }
    }

    /**
     * Identifies the question for cursors: a cursor is only valid for the question it was issued for. The limit
     * is left out on purpose, so a client may change its page size while paging.
     */
    public String fingerprint() {
        String question = String.join("\u001f", "papers", String.valueOf(searchText), String.join(",", topics),
                lower(model), lower(benchmark), String.valueOf(hasCode), String.valueOf(linkKind),
                String.valueOf(digest), String.valueOf(from), String.valueOf(to), sort.value());
        // appended only when given, so cursors issued before these filters existed stay valid
        if (author != null) {
            question += "\u001fauthor=" + lower(author);
        }
        if (category != null) {
            question += "\u001fcategory=" + category;
        }
        return question;
    }

    private static String lower(String text) {
        return text == null ? "null" : text.toLowerCase(java.util.Locale.ROOT);
    }
}
