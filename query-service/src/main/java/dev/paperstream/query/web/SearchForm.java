package dev.paperstream.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.paperstream.filter.PaperFilter;

/**
 * The search form's values as the browser sent them, blanks dropped (an empty field of a submitted form means "any",
 * where {@code GET /papers?author=} refuses a blank author), and the query strings that lead back to the same
 * search: next page, feed, stream, a filter taken off.
 */
public record SearchForm(String q, List<String> topics, String model, String benchmark, String hasCode,
                         String linkKind, String digest, String author, String category, String from, String to,
                         String sort) {

    /** A filter in force, with the query string of the same search without it. */
    public record Active(String name, String value, String queryWithout) {
    }

    public SearchForm {
        q = given(q);
        topics = topics == null ? List.of()
                : topics.stream().map(SearchForm::given).filter(Objects::nonNull).distinct().toList();
        model = given(model);
        benchmark = given(benchmark);
        hasCode = given(hasCode);
        linkKind = given(linkKind);
        digest = given(digest);
        author = given(author);
        category = given(category);
        from = given(from);
        to = given(to);
        sort = given(sort);
    }

    public static SearchForm empty() {
        return new SearchForm(null, List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    /** The validated question; refusals name the parameter as {@code GET /papers} does. */
    public PaperFilter filter() {
        return PaperFilter.parse(q, topics, model, benchmark, hasCode, linkKind, digest, author, category, from, to,
                sort);
    }

    /** Parameter name to value(s), in the order of the form; {@code topic} maps to a list. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        put(parameters, "q", q);
        if (!topics.isEmpty()) {
            parameters.put("topic", topics);
        }
        put(parameters, "model", model);
        put(parameters, "benchmark", benchmark);
        put(parameters, "hasCode", hasCode);
        put(parameters, "linkKind", linkKind);
        put(parameters, "digest", digest);
        put(parameters, "author", author);
        put(parameters, "category", category);
        put(parameters, "from", from);
        put(parameters, "to", to);
        put(parameters, "sort", sort);
        return parameters;
    }

    /** The encoded query string of this search (without {@code ?}), empty when nothing is filtered. */
    public String query() {
        List<String> pairs = new ArrayList<>();
        parameters().forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(v -> pairs.add(pair(name, v.toString())));
            } else {
                pairs.add(pair(name, value.toString()));
            }
        });
        return String.join("&", pairs);
    }

    /** {@code path} with this search's query string, if any. */
    public String href(String path) {
        String query = query();
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The next page of this search. */
    public String href(String path, String cursor) {
        String query = query();
        return path + "?" + (query.isEmpty() ? "" : query + "&") + pair("cursor", cursor);
    }

    /** Each filter in force, with how to take it off; sort is an order, not a filter. */
    public List<Active> active() {
        List<Active> active = new ArrayList<>();
        parameters().forEach((name, value) -> {
            if (name.equals("sort")) {
                return;
            }
            if (value instanceof List<?> values) {
                for (Object v : values) {
                    List<String> others = topics.stream().filter(t -> !t.equals(v)).toList();
                    active.add(new Active(name, v.toString(), withTopics(others).query()));
                }
            } else {
                active.add(new Active(name, value.toString(), without(name).query()));
            }
        });
        return active;
    }

    /**
     * The same search without its order: what a feed, the stream and a webhook subscription follow (they are newest
     * first by nature, and notify-service refuses {@code sort}).
     */
    public SearchForm followed() {
        return new SearchForm(q, topics, model, benchmark, hasCode, linkKind, digest, author, category, from, to, null);
    }

    /** Whether new papers arriving now belong at the top of this listing (newest first, nothing searched). */
    public boolean newestFirst() {
        return q == null || "recent".equals(sort);
    }

    private SearchForm withTopics(List<String> kept) {
        return new SearchForm(q, kept, model, benchmark, hasCode, linkKind, digest, author, category, from, to, sort);
    }

    private SearchForm without(String name) {
        return new SearchForm(
                name.equals("q") ? null : q, topics,
                name.equals("model") ? null : model,
                name.equals("benchmark") ? null : benchmark,
                name.equals("hasCode") ? null : hasCode,
                name.equals("linkKind") ? null : linkKind,
                name.equals("digest") ? null : digest,
                name.equals("author") ? null : author,
                name.equals("category") ? null : category,
                name.equals("from") ? null : from,
                name.equals("to") ? null : to,
                // relevance needs a search text: without q the order falls back to its default
                name.equals("q") ? null : sort);
    }

    private static void put(Map<String, Object> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String pair(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String given(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
