package dev.paperstream.query.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.query.domain.Items;
import dev.paperstream.filter.LinkKind;
import dev.paperstream.query.domain.LinkTarget;
import dev.paperstream.filter.Params;
import dev.paperstream.query.persistence.LinkRepository;

@Path("/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links", description = "Repositories, models and datasets that papers link")
public class LinkResource {

    private final LinkRepository links;

    LinkResource(LinkRepository links) {
        this.links = links;
    }

    @GET
    @Operation(operationId = "listLinks", summary = "Link targets with the papers that link them, most linked first")
    @APIResponse(responseCode = "200", description = "Targets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "code", value = ApiExamples.LINKS)))
    @APIResponse(responseCode = "400", description = "kind or limit refused", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public Items<LinkTarget> list(
            @Parameter(description = "code, profile, model, dataset, space, collection, organization, paper, "
                    + "project-page or website (default: all kinds)", example = "code") @QueryParam("kind") String kind,
            @Parameter(description = "How many targets, 1..100", example = "20") @QueryParam("limit") String limit) {
        return new Items<>(links.mostLinked(LinkKind.parse("kind", kind), Params.limit(limit, PaperResource.DEFAULT_LIMIT)));
    }
}
