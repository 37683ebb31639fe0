package dev.paperstream.enrich.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.paperstream.enrich.domain.MentionDictionary;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicRules;

/**
 * Reads and writes the data files and JSON columns that drive enrichment: topic rules, the default taxonomy and
 * the mention dictionaries.
 */
public final class RulesJson {

    public static final String DEFAULT_TOPICS = "taxonomy/default-topics.json";
    public static final String MODELS = "mentions/models.json";
    public static final String BENCHMARKS = "mentions/benchmarks.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesJson() {
    }

    /** Rules from their JSON form; throws {@link IllegalArgumentException} saying what is wrong. */
    public static TopicRules rules(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("rules must be a JSON object");
        }
        JsonNode terms = node.path("terms");
        if (!terms.isObject()) {
            throw new IllegalArgumentException("rules.terms must be an object of phrase to weight");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = terms.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> term = fields.next();
            if (!term.getValue().isNumber()) {
                throw new IllegalArgumentException("rules.terms['" + term.getKey() + "'] must be a number");
            }
            weights.put(term.getKey(), term.getValue().asDouble());
        }
        double threshold = number(node, "threshold", TopicRules.DEFAULT_THRESHOLD);
        double titleBoost = number(node, "titleBoost", TopicRules.DEFAULT_TITLE_BOOST);
        return new TopicRules(weights, threshold, titleBoost);
    }

    public static ObjectNode toJson(TopicRules rules) {
        ObjectNode node = JSON.createObjectNode();
        node.put("threshold", rules.threshold());
        node.put("titleBoost", rules.titleBoost());
        ObjectNode terms = node.putObject("terms");
        rules.terms().forEach(terms::put);
        return node;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** The taxonomy shipped with the service. */
    public static List<Topic> defaultTopics() {
        JsonNode array = resource(DEFAULT_TOPICS);
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : array) {
            topics.add(new Topic(t.path("slug").asText(), t.path("name").asText(), t.path("description").asText(),
                    rules(t.path("rules"))));
        }
        return topics;
    }

    /** The model and benchmark dictionaries shipped with the service. */
    public static MentionDictionary defaultMentions() {
        List<MentionDictionary.ModelFamily> models = new ArrayList<>();
        for (JsonNode m : resource(MODELS)) {
            models.add(new MentionDictionary.ModelFamily(m.path("family").asText(), strings(m.path("aliases")),
                    m.path("versionRequired").asBoolean(false), m.path("caseSensitive").asBoolean(false)));
        }
        List<MentionDictionary.Benchmark> benchmarks = new ArrayList<>();
        for (JsonNode b : resource(BENCHMARKS)) {
            benchmarks.add(new MentionDictionary.Benchmark(b.path("name").asText(), strings(b.path("aliases")),
                    b.path("caseSensitive").asBoolean(false)));
        }
        return new MentionDictionary(models, benchmarks);
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("rules." + field + " must be a number");
        }
        return value.asDouble();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
