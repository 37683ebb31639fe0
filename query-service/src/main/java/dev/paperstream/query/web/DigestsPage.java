package dev.paperstream.query.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.query.domain.DigestProgress;
import dev.paperstream.query.domain.Page;
import dev.paperstream.query.service.DigestListing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The digests page at {@code /d}: digests newest first with their progress, as {@code GET /digests} pages them. */
@Path("/d")
@Produces(MediaType.TEXT_HTML)
public class DigestsPage {

    /** @param nextHref the next page, or null on the last */
    public record View(Page<DigestProgress> digests, boolean firstPage, String nextHref, Follow follow,
                       String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance digests(View view);
    }

    private final DigestListing listing;
    private final FollowInstructions follow;

    DigestsPage(DigestListing listing, FollowInstructions follow) {
        this.listing = listing;
        this.follow = follow;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("cursor") String cursor) {
        Follow following = follow.of("all papers", SearchForm.empty());
        boolean firstPage = cursor == null || cursor.isBlank();
        try {
            Page<DigestProgress> page = listing.page(cursor, SearchPage.PAGE_SIZE);
            String next = page.nextCursor() == null ? null : SearchForm.empty().href("/d", page.nextCursor());
            return Response.ok(Templates.digests(new View(page, firstPage, next, following, null))).build();
        } catch (InvalidParameterException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.digests(new View(
                    new Page<>(List.of(), null), firstPage, null, following, e.getMessage()))).build();
        }
    }
}
