package dev.paperstream.query.domain;

import java.util.ArrayList;
import java.util.List;

/** A paper related to another one, with its score and why it is related. */
public record RelatedPaper(String id, String title, double score, Why why) {

    /**
     * The evidence: topics both papers carry, models and benchmarks both name, and how alike the titles are
     * (trigram similarity in [0, 1]); {@code summary} says it in words.
     */
    public record Why(List<String> sharedTopics, List<String> sharedMentions, double titleSimilarity,
                      String summary) {

        public static Why of(List<String> sharedTopics, List<String> sharedMentions, double titleSimilarity) {
            List<String> reasons = new ArrayList<>();
            if (!sharedTopics.isEmpty()) {
                reasons.add("shares topics " + String.join(", ", sharedTopics));
            }
            if (!sharedMentions.isEmpty()) {
                reasons.add("names " + String.join(", ", sharedMentions));
            }
            if (titleSimilarity >= 0.2) {
                reasons.add("has a similar title");
            }
            String summary = reasons.isEmpty() ? "similar wording" : String.join("; ", reasons);
            return new Why(sharedTopics, sharedMentions, Math.round(titleSimilarity * 1000) / 1000.0, summary);
        }
    }
}
