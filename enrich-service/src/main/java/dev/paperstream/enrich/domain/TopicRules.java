package dev.paperstream.enrich.domain;

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
 *                   negative weights count against the topic
 * @param threshold  the weighted evidence a paper needs for the topic to be assigned
 * @param titleBoost how much more a phrase in the title counts than one in the abstract
 * @param model      the learned model deciding the topic from the rules' verdict and words, or null for rules alone
 */
public record TopicRules(Map<String, Double> terms, double threshold, double titleBoost, TopicModel model) {

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
        checkFinite("threshold", threshold);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        checkFinite("titleBoost", titleBoost);
        if (titleBoost < 0) {
            throw new IllegalArgumentException("titleBoost must not be negative");
        }
        checkTermCount("terms", terms.size());
        for (Map.Entry<String, Double> term : terms.entrySet()) {
            checkPhrase("terms", term.getKey());
            if (BOTH_ENDS_WILDCARD.matcher(term.getKey()).find()) {
                throw new IllegalArgumentException("terms['" + term.getKey() + "']: a word may start or end with *, not both");
            }
            checkFinite("terms['" + term.getKey() + "']", term.getValue());
        }
    }

    public TopicRules(Map<String, Double> terms, double threshold, double titleBoost) {
        this(terms, threshold, titleBoost, null);
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
