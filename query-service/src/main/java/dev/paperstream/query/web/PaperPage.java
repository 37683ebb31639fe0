package dev.paperstream.query.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.paperstream.filter.Params;
import dev.paperstream.query.domain.ArxivIdForms;
import dev.paperstream.query.domain.PaperDetail;
import dev.paperstream.query.domain.RelatedPaper;
import dev.paperstream.query.persistence.PaperDetailRepository;
import dev.paperstream.query.persistence.RelatedPaperRepository;
import dev.paperstream.query.persistence.TopicRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A paper's page at {@code /p/{id}}: what {@code GET /papers/{id}} and {@code /related} answer, as HTML. An arXiv id
 * written another way ({@code /p/2403.09611v2}) is redirected to the paper's own page, as the API does.
 */
@Path("/p")
@Produces(MediaType.TEXT_HTML)
public class PaperPage {

    /**
     * @param follow how to follow the paper's best topic (all papers when it has none)
     */
    public record View(PaperDetail paper, List<RelatedPaper> related, Map<String, String> topicNames, Follow follow) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance paper(View view);

        static native TemplateInstance missing(String id);
    }

    private final PaperDetailRepository details;
    private final RelatedPaperRepository related;
    private final TopicRepository topics;
    private final FollowInstructions follow;

    PaperPage(PaperDetailRepository details, RelatedPaperRepository related, TopicRepository topics,
              FollowInstructions follow) {
        this.details = details;
        this.related = related;
        this.topics = topics;
        this.follow = follow;
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response page(@PathParam("id") String id) {
        Optional<PaperDetail> paper = Params.storable(id) ? details.find(id) : Optional.empty();
        if (paper.isEmpty()) {
            return ArxivIdForms.parse(id)
                    .flatMap(details::idOfArxivId)
                    .filter(canonical -> !canonical.equals(id))
                    .map(canonical -> Response.status(Response.Status.PERMANENT_REDIRECT).location(pagePath(canonical)))
                    .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.missing(id)))
                    .build();
        }
        PaperDetail found = paper.get();
        SearchForm best = found.topics().isEmpty() ? SearchForm.empty()
                : new SearchForm(null, List.of(found.topics().get(0).slug()), null, null, null, null, null, null,
                        null, null, null, null);
        String what = found.topics().isEmpty() ? "all papers" : "papers on " + found.topics().get(0).name();
        return Response.ok(Templates.paper(new View(found, related.relatedTo(found.id()),
                SearchPage.names(topics.all()), follow.of(what, best))))
                .build();
    }

    private static URI pagePath(String id) {
        return UriBuilder.fromPath("/p/{id}").build(id);
    }
}
