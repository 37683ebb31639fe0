package dev.paperstream.query.resource;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperSummary;
import dev.paperstream.filter.Params;
import dev.paperstream.query.domain.ArxivIdForms;
import dev.paperstream.query.domain.Page;
import dev.paperstream.query.domain.PaperDetail;
import dev.paperstream.query.domain.RelatedPaper;
import dev.paperstream.query.domain.RelatedPapers;
import dev.paperstream.query.domain.UnknownResourceException;
import dev.paperstream.query.persistence.PaperDetailRepository;
import dev.paperstream.query.persistence.PaperListingRepository;
import dev.paperstream.query.persistence.RelatedPaperRepository;
import dev.paperstream.query.service.PaperSearch;

@Path("/papers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Papers", description = "Search, filter and read papers")
public class PaperResource {

    static final int DEFAULT_LIMIT = 20;

    private final PaperSearch search;
    private final PaperDetailRepository details;
    private final RelatedPaperRepository related;

    PaperResource(PaperSearch search, PaperDetailRepository details, RelatedPaperRepository related) {
        this.search = search;
        this.details = details;
        this.related = related;
    }

    @GET
    @Operation(operationId = "listPapers", summary = "List and search papers",
            description = "Newest first, or best match first when q is given (relevance ranks the newest 300 "
                    + "matches; sort=recent reaches every match). All given filters must match. Page with "
                    + "nextCursor until it is null; a cursor only works with the parameters it came from.")
    @APIResponse(responseCode = "200", description = "A page of papers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = ApiExamples.PAPER_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is refused; the problem names it", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "limit", value = ApiExamples.INVALID_LIMIT)))
    public Page<PaperSummary> list(
            @Parameter(description = "Full-text search as people type it: words, \"exact phrases\", -excluded, or",
                    example = "\"instruction tuning\" -vision") @QueryParam("q") String q,
            @Parameter(description = "Topic slug; repeat for papers carrying all of them")
            @QueryParam("topic") List<String> topic,
            @Parameter(description = "Model family named in the paper (any case)", example = "LLaMA")
            @QueryParam("model") String model,
            @Parameter(description = "Benchmark or dataset named in the paper (any case)", example = "MMLU")
            @QueryParam("benchmark") String benchmark,
            @Parameter(description = "true: papers linking code; false: papers without", example = "true")
            @QueryParam("hasCode") String hasCode,
            @Parameter(description = "Papers with a link of this kind: code, profile, model, dataset, space, "
                    + "collection, organization, paper, project-page, website", example = "dataset")
            @QueryParam("linkKind") String linkKind,
            @Parameter(description = "Papers that appeared in this digest", example = "d-2026-03-14")
            @QueryParam("digest") String digest,
            @Parameter(description = "Part of an author's name, ignoring case and accents (muller finds Müller)",
                    example = "muller") @QueryParam("author") String author,
            @Parameter(description = "arXiv category, exact", example = "cs.CL") @QueryParam("category") String category,
            @Parameter(description = "First seen on or after this date", example = "2026-03-01")
            @QueryParam("from") String from,
            @Parameter(description = "First seen on or before this date", example = "2026-03-31")
            @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q; needs q) or recent (default without q)",
                    example = "recent") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1..100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PaperFilter filter = PaperFilter.parse(q, topic, model, benchmark, hasCode, linkKind, digest,
                sentOrBlank(uri, "author", author), sentOrBlank(uri, "category", category), from, to, sort);
        PaperSearch.Result page = search.page(filter, cursor, Params.limit(limit, DEFAULT_LIMIT));
        return new Page<>(page.rows().stream().map(PaperListingRepository.Row::paper).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPaper", summary = "One paper with its authors, categories, upvotes, topics (score, evidence), links, mentions "
            + "and digest appearances",
            description = "The id is the catalogue's (arxiv-2403.09611, title-…) or an arXiv id as people write it "
                    + "(2403.09611, arXiv:2403.09611v2, hep-th/9901001), which answers 308 with the paper's "
                    + "catalogue path in Location. upvotes is the latest appearance's count (each digest holds a "
                    + "snapshot of a running count); each appearance has its own.")
    @APIResponse(responseCode = "200", description = "The paper", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "paper", value = ApiExamples.PAPER_DETAIL)))
    @APIResponse(responseCode = "308", description = "An arXiv id written another way: Location is the paper's path")
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.UNKNOWN_PAPER)))
    @APIResponse(responseCode = "400", description = "A query parameter this endpoint does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PaperDetail get(@Parameter(example = "arxiv-2403.09611") @PathParam("id") String id,
                           @Context UriInfo uri) {
        if (!Params.storable(id)) {
            throw unknownPaper(id);
        }
        return details.find(id).orElseThrow(() -> movedOrUnknown(id, uri, ""));
    }

    /**
     * An old-style arXiv id with its slash ({@code /papers/hep-th/9901001}): the slash splits the path. The archive
     * segment is checked by {@link ArxivIdForms} once decoded, as a path may carry its colon encoded.
     */
    @GET
    @Path("/{archive}/{number: \\d{7}(?:v\\d+)?}")
    @Operation(hidden = true)
    public PaperDetail getOldStyle(@PathParam("archive") String archive, @PathParam("number") String number,
                                   @Context UriInfo uri) {
        throw movedOrUnknown(archive + "/" + number, uri, "");
    }

    @GET
    @Path("/{archive}/{number: \\d{7}(?:v\\d+)?}/related")
    @Operation(hidden = true)
    public RelatedPapers relatedOldStyle(@PathParam("archive") String archive, @PathParam("number") String number,
                                         @Context UriInfo uri) {
        throw movedOrUnknown(archive + "/" + number, uri, "/related");
    }

    @GET
    @Path("/{id}/related")
    @Operation(operationId = "getRelatedPapers", summary = "The 10 papers most related to this one",
            description = "Scored on shared topics, shared models and benchmarks, and title similarity; "
                    + "why says which applied.")
    @APIResponse(responseCode = "200", description = "Related papers, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "related", value = ApiExamples.RELATED)))
    @APIResponse(responseCode = "308", description = "An arXiv id written another way: Location is the paper's path")
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.UNKNOWN_PAPER)))
    @APIResponse(responseCode = "400", description = "A query parameter this endpoint does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RelatedPapers related(@Parameter(example = "arxiv-2403.09611") @PathParam("id") String id,
                                 @Context UriInfo uri) {
        if (!Params.storable(id)) {
            throw unknownPaper(id);
        }
        List<RelatedPaper> items = related.relatedTo(id);
        if (items.isEmpty() && !details.exists(id)) {
            throw movedOrUnknown(id, uri, "/related");
        }
        return new RelatedPapers(id, items);
    }

    /** A parameter sent without a value ({@code ?category}) arrives as null, and is as blank as {@code category=}. */
    private static String sentOrBlank(UriInfo uri, String parameter, String value) {
        return value == null && uri.getQueryParameters().containsKey(parameter) ? "" : value;
    }

    /**
     * A path naming no paper may still name one by arXiv id: then the answer is a permanent redirect to the paper's
     * own path (ids never change once given), else 404. Looked up only after the id missed, so reads by the
     * catalogue's ids cost nothing more.
     */
    private RuntimeException movedOrUnknown(String id, UriInfo uri, String rest) {
        return ArxivIdForms.parse(id)
                .flatMap(details::idOfArxivId)
                .filter(canonical -> !canonical.equals(id))
                .<RuntimeException>map(canonical -> new RedirectionException(Response.Status.PERMANENT_REDIRECT,
                        uri.getBaseUriBuilder().path("papers").path(canonical + rest).build()))
                .orElseGet(() -> unknownPaper(id));
    }

    private static UnknownResourceException unknownPaper(String id) {
        return new UnknownResourceException("no paper with id " + id);
    }
}
