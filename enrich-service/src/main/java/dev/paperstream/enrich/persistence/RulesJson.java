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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.paperstream.enrich.domain.MentionDictionary;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicExample;
import dev.paperstream.enrich.domain.TopicModel;
import dev.paperstream.enrich.domain.TopicRules;

/**
 * Reads and writes the data files and JSON columns that drive enrichment: topic rules, the default taxonomy and
 * the mention dictionaries.
 */
public final class RulesJson {

    public static final String DEFAULT_TOPICS = "taxonomy/topics-v9.json";
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
        Map<String, Double> weights = weights(terms, "rules.terms");
        JsonNode against = node.path("against");
        if (!against.isMissingNode() && !against.isNull() && !against.isObject()) {
            throw new IllegalArgumentException("rules.against must be an object of phrase to weight");
        }
        Map<String, Double> againstWeights = against.isObject() ? weights(against, "rules.against") : Map.of();
        double threshold = number(node, "threshold", TopicRules.DEFAULT_THRESHOLD, "rules.");
        double titleBoost = number(node, "titleBoost", TopicRules.DEFAULT_TITLE_BOOST, "rules.");
        JsonNode model = node.get("model");
        try {
            return new TopicRules(weights, againstWeights, threshold, titleBoost, model == null || model.isNull() ? null : model(model));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules." + e.getMessage());
        }
    }

    private static TopicModel model(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("rules.model must be an object");
        }
        JsonNode terms = node.path("terms");
        if (!terms.isObject()) {
            throw new IllegalArgumentException("rules.model.terms must be an object of phrase to weight");
        }
        JsonNode decides = node.path("decides");
        if (!decides.isMissingNode() && !decides.isNull() && !decides.isBoolean()) {
            throw new IllegalArgumentException("rules.model.decides must be true or false");
        }
        return new TopicModel(number(node, "bias", 0, "rules.model."), number(node, "ruleMatch", 0, "rules.model."),
                number(node, "ruleStrength", 0, "rules.model."), weights(terms, "rules.model.terms"),
                decides.asBoolean(false));
    }

    private static Map<String, Double> weights(JsonNode terms, String field) {
        if (terms.size() > TopicRules.MAX_TERMS) {
            throw new IllegalArgumentException(field + " may hold at most " + TopicRules.MAX_TERMS + " phrases, not "
                    + terms.size());
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = terms.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> term = fields.next();
            if (!term.getValue().isNumber()) {
                throw new IllegalArgumentException(field + "['" + term.getKey() + "'] must be a number");
            }
            weights.put(term.getKey(), term.getValue().asDouble());
        }
        return weights;
    }

    /** Example papers from their JSON form, an array of {@code {"title", "abstract"}}. */
    public static List<TopicExample> examples(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("examples must be an array of {\"title\", \"abstract\"}");
        }
        if (node.size() > Topic.MAX_EXAMPLES) {
            throw new IllegalArgumentException("examples: at most " + Topic.MAX_EXAMPLES + " papers, not " + node.size());
        }
        List<TopicExample> examples = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            if (!e.isObject() || !e.path("title").isTextual() || !(e.path("abstract").isTextual() || e.path("abstract").isMissingNode())) {
                throw new IllegalArgumentException("examples[" + i + "] must be {\"title\": text, \"abstract\": text}");
            }
            try {
                examples.add(new TopicExample(e.path("title").asText(), e.path("abstract").asText("")));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("examples[" + i + "]." + bad.getMessage());
            }
        }
        return examples;
    }

    public static ArrayNode toJson(List<TopicExample> examples) {
        ArrayNode array = JSON.createArrayNode();
        examples.forEach(e -> array.addObject().put("title", e.title()).put("abstract", e.abstractText()));
        return array;
    }

    public static ObjectNode toJson(TopicRules rules) {
        ObjectNode node = JSON.createObjectNode();
        node.put("threshold", rules.threshold());
        node.put("titleBoost", rules.titleBoost());
        ObjectNode terms = node.putObject("terms");
        rules.terms().forEach(terms::put);
        if (!rules.against().isEmpty()) {
            ObjectNode against = node.putObject("against");
            rules.against().forEach(against::put);
        }
        TopicModel model = rules.model();
        if (model != null) {
            ObjectNode m = node.putObject("model");
            m.put("bias", model.bias());
            m.put("ruleMatch", model.ruleMatch());
            m.put("ruleStrength", model.ruleStrength());
            if (model.decides()) {
                m.put("decides", true);
            }
            ObjectNode weights = m.putObject("terms");
            model.terms().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(t -> weights.put(t.getKey(), t.getValue()));
        }
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

    private static double number(JsonNode node, String field, double fallback, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(prefix + field + " must be a number");
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
