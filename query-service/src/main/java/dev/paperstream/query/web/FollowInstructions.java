package dev.paperstream.query.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the feed link and the commands that follow a search: {@code curl -N} on the stream and the
 * {@code POST /subscriptions} of notify-service, whose filter is the search's query parameters as JSON.
 */
@ApplicationScoped
public class FollowInstructions {

    static final String FEEDS = "/feeds/papers.atom";
    static final String STREAM = "/stream/papers";
    /** A placeholder the reader replaces with their receiver. */
    static final String EXAMPLE_RECEIVER = "https://example.org/paperstream-hook";

    private final ObjectMapper json;
    private final String queryBase;
    private final String notifyBase;

    FollowInstructions(ObjectMapper json, @ConfigProperty(name = "paperstream.query.base-url") String queryBase,
                       @ConfigProperty(name = "paperstream.notify.base-url") String notifyBase) {
        this.json = json;
        this.queryBase = queryBase.replaceAll("/+$", "");
        this.notifyBase = notifyBase.replaceAll("/+$", "");
    }

    public Follow of(String what, SearchForm form) {
        SearchForm search = form.followed();
        String body;
        try {
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("url", EXAMPLE_RECEIVER);
            subscription.put("filter", search.parameters());
            body = json.writeValueAsString(subscription);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        String subscribe = "curl -X POST " + notifyBase + "/subscriptions \\\n"
                + "  -H \"Authorization: Bearer $PAPERSTREAM_TOKEN\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d " + shellQuoted(body);
        return new Follow(what, search.href(FEEDS), "curl -N " + shellQuoted(queryBase + search.href(STREAM)),
                subscribe);
    }

    /** {@code text} as one single-quoted shell word: a quote inside closes, escapes and reopens. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
