package dev.paperstream.query.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.query.domain.AtomFeed;
import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.Params;
import dev.paperstream.filter.Snippet;
import dev.paperstream.query.domain.UnknownResourceException;
import dev.paperstream.query.persistence.PaperListingRepository;
import dev.paperstream.query.persistence.TopicRepository;

@Path("/feeds")
@Produces(AtomFeed.MEDIA_TYPE)
@Tag(name = "Feeds", description = "Atom feeds to follow a topic or a search in a feed reader")
public class FeedResource {

    static final int FEED_SIZE = 50;
    private static final String TAG = "tag:paperstream.dev,2026:";
    private static final int SUMMARY_LENGTH = 600;

    private final PaperListingRepository listing;
    private final TopicRepository topics;
    private final String base;

    /**
     * @param baseUrl where readers reach this service: a feed's absolute links start with it, never with the request's
     *                {@code Host} header, which a client (or a cache in between) chooses
     */
    FeedResource(PaperListingRepository listing, TopicRepository topics,
            @ConfigProperty(name = "paperstream.query.base-url") String baseUrl) {
        this.listing = listing;
        this.topics = topics;
        this.base = baseUrl.replaceAll("/+$", "") + "/";
    }

    @GET
    @Path("/topics/{slug}.atom")
    @Operation(operationId = "getTopicFeed", summary = "The newest 50 papers of a topic as an Atom feed")
    @APIResponse(responseCode = "200", description = "Atom 1.0 feed", content = @Content(
            mediaType = AtomFeed.MEDIA_TYPE, examples = @ExampleObject(name = "feed", value = ApiExamples.FEED)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "A query parameter this endpoint does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String topic(@Parameter(example = "peft") @PathParam("slug") String slug, @Context UriInfo uri) {
        String name = (Params.storable(slug) ? topics.name(slug) : Optional.<String>empty())
                .orElseThrow(() -> new UnknownResourceException("no topic " + slug + "; GET /topics lists the topics"));
        return feed(TAG + "feed:topic:" + slug, "paperstream: " + name, PaperFilter.topic(slug), uri,
                "papers?topic=" + encode(slug));
    }

    @GET
    @Path("/search.atom")
    @Operation(operationId = "getSearchFeed", summary = "The newest 50 papers matching a search as an Atom feed")
    @APIResponse(responseCode = "200", description = "Atom 1.0 feed", content = @Content(
            mediaType = AtomFeed.MEDIA_TYPE, examples = @ExampleObject(name = "feed", value = ApiExamples.FEED)))
    @APIResponse(responseCode = "400", description = "q missing or too long", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String search(@Parameter(description = "Search text, as for GET /papers", example = "mixture of experts")
                         @QueryParam("q") String q, @Context UriInfo uri) {
        String text = Params.text("q", q, PaperFilter.MAX_SEARCH_LENGTH);
        if (text == null) {
            throw new InvalidParameterException("q", "q is required: the search the feed follows");
        }
        return feed(TAG + "feed:search:" + encode(text), "paperstream: " + text, PaperFilter.search(text), uri,
                "papers?sort=recent&q=" + encode(text));
    }

    private String feed(String id, String title, PaperFilter filter, UriInfo uri, String alternatePath) {
        List<AtomFeed.Entry> entries = listing.find(filter, null, FEED_SIZE).stream()
                .map(row -> new AtomFeed.Entry(
                        TAG + "paper:" + row.paper().id(),
                        row.paper().title(),
                        row.url() != null ? row.url() : base + "papers/" + encode(row.paper().id()),
                        row.updatedAt(),
                        row.paper().firstSeen().atStartOfDay().atOffset(ZoneOffset.UTC),
                        Snippet.shorten(row.abstractStart(), SUMMARY_LENGTH),
                        row.paper().topics()))
                .toList();
        String query = uri.getRequestUri().getRawQuery();
        String self = base + uri.getRequestUri().getRawPath().replaceFirst("^/", "") + (query == null ? "" : "?" + query);
        return new AtomFeed(id, title, self, base + alternatePath, entries).toXml();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
