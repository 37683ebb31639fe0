package dev.paperstream.query.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.query.domain.PaperPosition;
import dev.paperstream.query.persistence.DigestRepository;
import dev.paperstream.query.persistence.PaperListingRepository;
import dev.paperstream.query.persistence.TopicRepository;

/**
 * One page of papers for a filter and a cursor: what {@code GET /papers} answers and the web page shows, so both
 * read the same rows through the same repositories and refuse the same misspelt filters.
 */
@ApplicationScoped
public class PaperSearch {

    /** A page of listed papers; {@code nextCursor} is null on the last page. */
    public record Result(List<PaperListingRepository.Row> rows, String nextCursor) {
    }

    private final PaperListingRepository listing;
    private final TopicRepository topics;
    private final DigestRepository digests;

    PaperSearch(PaperListingRepository listing, TopicRepository topics, DigestRepository digests) {
        this.listing = listing;
        this.topics = topics;
        this.digests = digests;
    }

    public Result page(PaperFilter filter, String cursor, int size) {
        PaperPosition after = PaperPosition.fromCursor(filter, cursor);
        List<PaperListingRepository.Row> rows = listing.find(filter, after, size + 1);
        if (rows.isEmpty()) {
            refuseUnknownNames(filter);
        }
        String nextCursor = rows.size() > size ? rows.get(size - 1).position().toCursor(filter) : null;
        return new Result(rows.stream().limit(size).toList(), nextCursor);
    }

    /** Only an empty answer can come from a misspelt topic, digest or category, so only then are they looked up. */
    private void refuseUnknownNames(PaperFilter filter) {
        List<String> unknown = topics.unknown(filter.topics());
        if (!unknown.isEmpty()) {
            throw new InvalidParameterException("topic", "unknown topic " + String.join(", ", unknown)
                    + "; GET /topics lists the topics");
        }
        if (filter.digest() != null && digests.find(filter.digest()).isEmpty()) {
            throw new InvalidParameterException("digest", "unknown digest " + filter.digest()
                    + "; GET /digests lists the digests");
        }
        if (filter.category() != null && !listing.categoryInUse(filter.category())) {
            throw new InvalidParameterException("category", "unknown category " + filter.category()
                    + "; no paper in the catalogue has it (categories are written like cs.CL)");
        }
    }
}
