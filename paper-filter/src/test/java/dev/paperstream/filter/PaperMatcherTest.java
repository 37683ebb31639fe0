package dev.paperstream.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The table of matching cases against the in-memory matcher; query-service runs the same table against /papers. */
class PaperMatcherTest {

    record Case(String filter, Set<String> matches) {
        @Override
        public String toString() {
            return filter.isEmpty() ? "(no filter)" : filter;
        }
    }

    private static final JsonNode TABLE = table();

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        TABLE.get("cases").forEach(node -> cases.add(new Case(node.get("filter").asText(),
                Set.copyOf(strings(node.get("matches"))))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectsExactlyTheTablesPapers(Case c) {
        PaperFilter filter = PaperFilter.parse(queryParameters(c.filter()));
        List<String> selected = papers().stream().filter(paper -> PaperMatcher.matches(filter, paper))
                .map(PaperFacts::id).toList();
        assertThat(selected).containsExactlyInAnyOrderElementsOf(c.matches());
    }

    static List<PaperFacts> papers() {
        List<PaperFacts> papers = new ArrayList<>();
        TABLE.get("papers").forEach(node -> papers.add(new PaperFacts(
                node.get("id").asText(), node.get("title").asText(), node.get("abstract").asText(),
                strings(node.get("authors")), strings(node.get("categories")), Set.copyOf(strings(node.get("topics"))),
                Set.copyOf(strings(node.get("links"))), Set.copyOf(strings(node.get("models"))),
                Set.copyOf(strings(node.get("benchmarks"))), Set.copyOf(strings(node.get("digests"))),
                LocalDate.parse(node.get("firstSeen").asText()))));
        return papers;
    }

    /** A URL query string as a server reads it: names to their values in order. */
    static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode table() {
        try (InputStream in = PaperMatcherTest.class.getResourceAsStream("matching-cases.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
