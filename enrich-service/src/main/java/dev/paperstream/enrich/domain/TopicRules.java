package dev.paperstream.enrich.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one topic is recognised: weighted phrases, a threshold and a title boost, and optionally a learned
 * {@link TopicModel}. Stored as the {@code rules} JSON of a topic, so deployments change tagging without code
 * (format in the README). Rules are data users edit, so everything is checked here, with the field named.
 *
 * @param terms      phrase to weight; a phrase is matched on whole words, case-insensitively, with punctuation and
 *                   hyphens treated as spaces; a word ending in {@code *} matches every word starting with it,
 *                   a word starting with {@code *} every word ending with it ({@code *bench}: JudgeBench);
 *                   weights are finite and not negative
 * @param against    phrase to weight counted against the topic (boilerplate such as "our code is available" for
 *                   {@code code}, "scaling law" for {@code legal}); same phrase syntax, a phrase is in one map only
 * @param threshold  the weighted evidence a paper needs for the topic to be assigned
 * @param titleBoost how much more a phrase in the title counts than one in the abstract
 * @param model      the learned model deciding the topic from the rules' verdict and words, or null for rules alone
 */
public record TopicRules(Map<String, Double> terms, Map<String, Double> against, double threshold, double titleBoost,
        TopicModel model) {

    public static final double DEFAULT_THRESHOLD = 2.0;
    public static final double DEFAULT_TITLE_BOOST = 2.5;
    public static final int MAX_TERMS = 2000;
    public static final int MAX_TERM_LENGTH = 100;
    public static final int MAX_TERM_WORDS = 8;
    /** Far beyond any useful weight, threshold or boost; keeps sums of them finite. */
    public static final double MAX_MAGNITUDE = 1000;
    private static final Pattern BOTH_ENDS_WILDCARD = Pattern.compile("\\*[\\p{Alnum}]+\\*");

    public TopicRules {
        Objects.requireNonNull(terms, "terms");
        terms = Map.copyOf(terms);
        against = Map.copyOf(Objects.requireNonNull(against, "against"));
        checkFinite("threshold", threshold);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        checkFinite("titleBoost", titleBoost);
        if (titleBoost < 0) {
            throw new IllegalArgumentException("titleBoost must not be negative");
        }
        checkWeights("terms", terms);
        checkWeights("against", against);
        for (String phrase : against.keySet()) {
            if (terms.containsKey(phrase)) {
                throw new IllegalArgumentException("'" + phrase + "' is in both terms and against; keep it in one");
            }
        }
    }

    public TopicRules(Map<String, Double> terms, double threshold, double titleBoost, TopicModel model) {
        this(terms, Map.of(), threshold, titleBoost, model);
    }

    public TopicRules(Map<String, Double> terms, double threshold, double titleBoost) {
        this(terms, threshold, titleBoost, null);
    }

    /** The weights the tagger adds up: {@code terms} as they are, {@code against} negated. */
    public Map<String, Double> signedTerms() {
        Map<String, Double> signed = new HashMap<>(terms);
        against.forEach((phrase, weight) -> signed.put(phrase, -weight));
        return signed;
    }

    private static void checkWeights(String field, Map<String, Double> weights) {
        checkTermCount(field, weights.size());
        for (Map.Entry<String, Double> term : weights.entrySet()) {
            checkPhrase(field, term.getKey());
            if (BOTH_ENDS_WILDCARD.matcher(term.getKey()).find()) {
                throw new IllegalArgumentException(field + "['" + term.getKey() + "']: a word may start or end with *, not both");
            }
            double weight = term.getValue();
            if (!Double.isFinite(weight) || weight < 0 || weight > MAX_MAGNITUDE) {
                throw new IllegalArgumentException(field + "['" + term.getKey() + "'] must be a finite number from 0 to "
                        + (int) MAX_MAGNITUDE + (weight < 0 ? "; a phrase that counts against the topic goes in against" : ""));
            }
        }
    }

    static void checkFinite(String field, double value) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw new IllegalArgumentException(field + " must be a finite number between -" + (int) MAX_MAGNITUDE
                    + " and " + (int) MAX_MAGNITUDE);
        }
    }

    static void checkTermCount(String field, int count) {
        if (count > MAX_TERMS) {
            throw new IllegalArgumentException(field + " may hold at most " + MAX_TERMS + " phrases, not " + count);
        }
    }

    static void checkPhrase(String field, String phrase) {
        checkNoControl(field, phrase);
        if (phrase.length() > MAX_TERM_LENGTH) {
            throw new IllegalArgumentException(field + "['" + phrase.substring(0, 40) + "...']: a phrase may have at most "
                    + MAX_TERM_LENGTH + " characters");
        }
        TextTokens words = TextTokens.of(phrase.replace("*", ""));
        if (words.size() == 0) {
            throw new IllegalArgumentException(field + "['" + phrase + "'] has no letters or digits");
        }
        if (words.size() > MAX_TERM_WORDS) {
            throw new IllegalArgumentException(field + "['" + phrase + "']: a phrase may have at most " + MAX_TERM_WORDS
                    + " words");
        }
        for (char c : phrase.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c > 127) {
                throw new IllegalArgumentException(field + "['" + phrase + "'] may use only ASCII letters and digits");
            }
        }
    }

    static void checkNoControl(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters (U+"
                        + String.format("%04X", (int) text.charAt(i)) + ")");
            }
        }
    }
}
