package dev.paperstream.enrich.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A topic's learned linear model, trained offline on labelled papers and stored beside its phrase rules. The
 * paper's log-odds of having the topic are {@code bias}, plus {@code ruleMatch} when the topic's phrase rules
 * assign it, plus {@code ruleStrength} times the rules' evidence over their threshold (at most
 * {@value #MAX_RULE_STRENGTH}), plus each term's weight times 1 when it is in the abstract and 1 more when it is in
 * the title. The topic is assigned at even odds or better, as well as wherever the rules assign it; a model that
 * {@code decides} assigns it at even odds or better only, so it also drops what the rules alone would assign (their
 * verdict and strength being two of its features).
 *
 * @param terms   single words or phrases of exact words (no {@code *}), lower case, to weight
 * @param decides whether the model alone decides, rather than adding topics to those the rules assign
 */
public record TopicModel(double bias, double ruleMatch, double ruleStrength, Map<String, Double> terms, boolean decides) {

    public static final double MAX_RULE_STRENGTH = 3.0;

    public TopicModel {
        Objects.requireNonNull(terms, "terms");
        terms = Map.copyOf(terms);
        TopicRules.checkFinite("model.bias", bias);
        TopicRules.checkFinite("model.ruleMatch", ruleMatch);
        TopicRules.checkFinite("model.ruleStrength", ruleStrength);
        TopicRules.checkTermCount("model.terms", terms.size());
        for (Map.Entry<String, Double> term : terms.entrySet()) {
            TopicRules.checkPhrase("model.terms", term.getKey());
            if (term.getKey().contains("*")) {
                throw new IllegalArgumentException("model.terms['" + term.getKey() + "'] must be exact words, without *");
            }
            TopicRules.checkFinite("model.terms['" + term.getKey() + "']", term.getValue());
        }
    }

    /** A model that adds topics to those the rules assign. */
    public TopicModel(double bias, double ruleMatch, double ruleStrength, Map<String, Double> terms) {
        this(bias, ruleMatch, ruleStrength, terms, false);
    }
}
