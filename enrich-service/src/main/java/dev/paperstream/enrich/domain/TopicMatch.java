package dev.paperstream.enrich.domain;

import java.util.List;

/** A topic assigned to a paper: its score in [0, 1] and the phrases of the text that triggered it, strongest first. */
public record TopicMatch(String slug, double score, List<String> evidence) {

    public TopicMatch {
        evidence = List.copyOf(evidence);
    }
}
