package dev.paperstream.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One paper of one digest, as published on {@value Topics#DIGEST_ENTRIES} (key: {@code paperId}).
 * JSON shape: {@code schemas/digest-entry.v1.json}.
 *
 * @param schemaVersion always {@value #SCHEMA_VERSION}; consumers reject versions they do not know
 * @param digestId      stable id of the digest this entry belongs to
 * @param digestDate    the digest's date
 * @param source        where the digest came from (a free label, e.g. {@code daily-papers})
 * @param position      1-based place of the entry in its digest, after duplicates were dropped
 * @param entryCount    how many entries the digest published, so consumers can tell when it is complete
 * @param paperId       stable paper id: {@code arxiv-<id>} or {@code title-<hash>}
 * @param arxivId       the arXiv id without version, when the entry carried one
 * @param title         the title, white space collapsed
 * @param abstractText  the abstract, paragraphs separated by a blank line (JSON field {@code abstract})
 * @param url           the entry's own link, when the digest gave one
 * @param receivedAt    when the ingest service accepted the digest
 * @param authors       author names in the order the digest gave them; absent when it gave none
 * @param categories    arXiv categories (e.g. {@code cs.CL}), primary first; absent when the digest gave none
 * @param upvotes       the digest's upvote count for this entry (Hugging Face daily papers), when it had one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DigestEntryV1(
        int schemaVersion,
        String digestId,
        LocalDate digestDate,
        String source,
        int position,
        int entryCount,
        String paperId,
        String arxivId,
        String title,
        @JsonProperty("abstract") String abstractText,
        String url,
        Instant receivedAt,
        List<String> authors,
        List<String> categories,
        Integer upvotes) {

    public static final int SCHEMA_VERSION = 1;
}
