package dev.paperstream.query.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.query.domain.DigestProgress;
import dev.paperstream.query.domain.Page;
import dev.paperstream.filter.Params;
import dev.paperstream.query.domain.UnknownResourceException;
import dev.paperstream.query.persistence.DigestRepository;
import dev.paperstream.query.service.DigestListing;

@Path("/digests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Digests", description = "Digests and how far their enrichment has got")
public class DigestResource {

    private final DigestRepository digests;
    private final DigestListing listing;

    DigestResource(DigestRepository digests, DigestListing listing) {
        this.digests = digests;
        this.listing = listing;
    }

    @GET
    @Operation(operationId = "listDigests", summary = "Digests, newest first, with entries received and enriched")
    @APIResponse(responseCode = "200", description = "A page of digests", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "digests", value = ApiExamples.DIGEST_PAGE)))
    @APIResponse(responseCode = "400", description = "limit or cursor refused", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public Page<DigestProgress> list(
            @Parameter(description = "Page size, 1..100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return listing.page(cursor, Params.limit(limit, PaperResource.DEFAULT_LIMIT));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDigest", summary = "One digest's progress: complete once every received entry is enriched",
            description = "Poll this after POSTing a digest to ingest until status is complete.")
    @APIResponse(responseCode = "200", description = "The digest", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "digest", value = ApiExamples.DIGEST)))
    @APIResponse(responseCode = "404", description = "Neither ingest nor the catalogue know this digest", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "A query parameter this endpoint does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DigestProgress get(@Parameter(example = "d-2026-03-14") @PathParam("id") String id) {
        if (!Params.storable(id)) {
            throw unknownDigest(id);
        }
        return digests.find(id).orElseThrow(() -> unknownDigest(id));
    }

    private static UnknownResourceException unknownDigest(String id) {
        return new UnknownResourceException("no digest with id " + id);
    }
}
