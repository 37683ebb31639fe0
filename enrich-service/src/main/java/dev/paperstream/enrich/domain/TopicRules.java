package dev.paperstream.enrich.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one topic is recognised: weighted phrases, a threshold and a title boost. Stored as the {@code rules} JSON of
 * a topic, so deployments change tagging without code (format in the README).
 *
 * @param terms      phrase to weight; a phrase is matched on whole words, case-insensitively, with punctuation and
 *                   hyphens treated as spaces; a word ending in {@code *} matches every word starting with it,
 *                   a word starting with {@code *} every word ending with it ({@code *bench}: JudgeBench);
 *                   negative weights count against the topic
 * @param threshold  the weighted evidence a paper needs for the topic to be assigned
 * @param titleBoost how much more a phrase in the title counts than one in the abstract
 */
public record TopicRules(Map<String, Double> terms, double threshold, double titleBoost) {

    public static final double DEFAULT_THRESHOLD = 2.0;
    public static final double DEFAULT_TITLE_BOOST = 2.5;
    private static final Pattern BOTH_ENDS_WILDCARD = Pattern.compile("\\*[\\p{Alnum}]+\\*");

    public TopicRules {
        Objects.requireNonNull(terms, "terms");
        terms = Map.copyOf(terms);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        if (!(titleBoost >= 0)) {
            throw new IllegalArgumentException("titleBoost must not be negative");
        }
        for (Map.Entry<String, Double> term : terms.entrySet()) {
            if (TextTokens.of(term.getKey().replace("*", "")).size() == 0) {
                throw new IllegalArgumentException("term '" + term.getKey() + "' has no letters or digits");
            }
            if (BOTH_ENDS_WILDCARD.matcher(term.getKey()).find()) {
                throw new IllegalArgumentException("term '" + term.getKey() + "': a word may start or end with *, not both");
            }
            for (char c : term.getKey().toCharArray()) {
                if (Character.isLetterOrDigit(c) && c > 127) {
                    throw new IllegalArgumentException("term '" + term.getKey() + "' may use only ASCII letters and digits");
                }
            }
            if (term.getValue() == null || !Double.isFinite(term.getValue())) {
                throw new IllegalArgumentException("term '" + term.getKey() + "' needs a finite weight");
            }
        }
    }
}
