package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything the catalogue knows about one paper.
 *
 * @param authors    author names in order; empty when no digest gave them
 * @param categories arXiv categories, primary first; empty when no digest gave them
 * @param upvotes    the paper's Hugging Face upvotes: the count of its latest appearance that carried one (each
 *                   digest holds a snapshot of a running count, so a sum would count the same votes again); null
 *                   when none did
 */
public record PaperDetail(
        String id,
        String arxivId,
        String title,
        List<String> authors,
        @JsonProperty("abstract") String abstractText,
        String url,
        List<String> categories,
        Integer upvotes,
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

    /** A digest the paper appeared in, at a 1-based position, with the upvote count it gave (null when none). */
    public record Appearance(String digestId, LocalDate digestDate, int position, Integer upvotes,
                             OffsetDateTime enrichedAt) {
    }

    /** The upvotes of the latest of {@code appearances} (oldest first) that carried a count, or null. */
    public static Integer latestUpvotes(List<Appearance> appearances) {
        Integer latest = null;
        for (Appearance a : appearances) {
            if (a.upvotes() != null) {
                latest = a.upvotes();
            }
        }
        return latest;
    }
}
