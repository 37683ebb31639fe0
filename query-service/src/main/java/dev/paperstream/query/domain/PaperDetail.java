package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Everything the catalogue knows about one paper. */
public record PaperDetail(
        String id,
        String arxivId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String url,
        LocalDate firstSeen,
        LocalDate lastSeen,
        long version,
        OffsetDateTime updatedAt,
        List<TopicScore> topics,
        List<PaperLink> links,
        List<Mention> mentions,
        List<Appearance> appearances) {

    /** A topic of the paper with its score in [0, 1] and the phrases that triggered it. */
    public record TopicScore(String slug, String name, double score, List<String> evidence) {
    }

    /** A link found in the paper's text. */
    public record PaperLink(String url, String kind, String target) {
    }

    /** A model ({@code kind=model}: family and size) or benchmark named in the paper's text. */
    public record Mention(String kind, String name, String size, String text) {
    }

    /** A digest the paper appeared in, at a 1-based position. */
    public record Appearance(String digestId, LocalDate digestDate, int position, OffsetDateTime enrichedAt) {
    }
}
