package dev.paperstream.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An enriched paper, as published on {@value Topics#PAPERS_ENRICHED} (key: {@code paperId}) after the
 * enrich service committed it. CloudEvents binary mode: {@code ce_type} is {@value #CE_TYPE},
 * {@code ce_subject} the paper id. JSON shape: {@code schemas/paper-enriched.v1.json}.
 *
 * @param schemaVersion always {@value #SCHEMA_VERSION}
 * @param paperId       stable paper id
 * @param arxivId       arXiv id without version, when known
 * @param title         title
 * @param abstractText  abstract (JSON field {@code abstract})
 * @param url           the paper's own link, when known
 * @param digest        the digest appearance that caused this event; absent for a re-tag
 * @param topics        assigned topics, best first
 * @param links         links found in title and abstract
 * @param mentions      models and benchmarks named in the text
 * @param firstSeen     date of the earliest digest the paper appeared in
 * @param lastSeen      date of the latest digest the paper appeared in
 * @param version       increases each time the stored paper changes (new appearance, re-tag)
 * @param enrichedAt    when this version was committed
 * @param authors       author names in order, as the paper's earliest appearance gave them; absent when unknown
 * @param categories    arXiv categories, primary first; absent when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaperEnrichedV1(
        int schemaVersion,
        String paperId,
        String arxivId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String url,
        DigestRef digest,
        List<TopicRef> topics,
        List<LinkRef> links,
        List<MentionRef> mentions,
        LocalDate firstSeen,
        LocalDate lastSeen,
        long version,
        Instant enrichedAt,
        List<String> authors,
        List<String> categories) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CE_TYPE = "paperstream.paper.enriched.v1";

    /**
     * Where the paper appeared: digest id, date, 1-based position, the digest's entry count and, when the digest
     * carried one, the entry's upvote count.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DigestRef(String id, LocalDate date, int position, int entryCount, Integer upvotes) {
    }

    /** A topic with its score in [0, 1] and the phrases that triggered it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopicRef(String slug, String name, double score, List<String> evidence) {
    }

    /**
     * A link: normalized URL, its kind ({@code code}, {@code profile}, {@code model}, {@code dataset}, {@code space},
     * {@code collection}, {@code organization}, {@code paper}, {@code project-page}, {@code website}) and target.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkRef(String url, String kind, String target) {
    }

    /** A named model ({@code kind=model}, family and size) or benchmark/dataset ({@code kind=benchmark}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MentionRef(String kind, String name, String size, String text) {
    }
}
