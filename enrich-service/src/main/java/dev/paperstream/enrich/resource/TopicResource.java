package dev.paperstream.enrich.resource;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import com.fasterxml.jackson.databind.JsonNode;

import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.RulesJson;
import dev.paperstream.enrich.persistence.TopicEntity;
import dev.paperstream.enrich.service.Retagging;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The taxonomy, editable at run time. Edits apply to entries consumed from then on; {@code POST /topics/retag}
 * applies them to the papers already stored.
 */
@Path("/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A topic with its rules (format in the README). */
    public record TopicView(String slug, String name, String description, JsonNode rules, Instant updatedAt) {

        static TopicView of(TopicEntity t) {
            return new TopicView(t.slug, t.name, t.description, RulesJson.parse(t.rules), t.updatedAt);
        }
    }

    /** The editable part of a topic. */
    public record TopicUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @NotNull JsonNode rules) {
    }

    private final CurrentTaxonomy taxonomy;
    private final Retagging retagging;

    public TopicResource(CurrentTaxonomy taxonomy, Retagging retagging) {
        this.taxonomy = taxonomy;
        this.retagging = retagging;
    }

    @GET
    public List<TopicView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> TopicEntity.allBySlug().stream().map(TopicView::of).toList());
    }

    @GET
    @Path("/{slug}")
    public TopicView get(@PathParam("slug") String slug) {
        return QuarkusTransaction.joiningExisting().call(() -> TopicView.of(find(slug)));
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("slug") String slug, @Valid @NotNull TopicUpdate update, @Context UriInfo uri) {
        if (!SLUG.matcher(slug).matches() || slug.length() > 64 || slug.equals("retag")) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-slug",
                    "A topic slug is 1 to 64 lower-case letters, digits and single hyphens (not 'retag'): " + slug);
        }
        String rules;
        try {
            rules = RulesJson.toJson(RulesJson.rules(update.rules())).toString();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-rules", e.getMessage());
        }
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            TopicEntity topic = TopicEntity.findById(slug);
            boolean isNew = topic == null;
            if (isNew) {
                topic = new TopicEntity();
                topic.slug = slug;
            }
            topic.name = update.name().strip();
            topic.description = update.description() == null ? "" : update.description().strip();
            topic.rules = rules;
            topic.updatedAt = Instant.now();
            topic.persist();
            return isNew;
        });
        taxonomy.reload();
        TopicView view = get(slug);
        return created ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
    }

    @DELETE
    @Path("/{slug}")
    public Response delete(@PathParam("slug") String slug) {
        QuarkusTransaction.requiringNew().run(() -> find(slug).delete());
        taxonomy.reload();
        return Response.noContent().build();
    }

    @POST
    @Path("/retag")
    public Response retag(@Context UriInfo uri) {
        Retagging.Progress started = retagging.start().orElseThrow(() -> new ProblemException(Response.Status.CONFLICT,
                "retag-running", "A re-tag is already running: " + retagging.current().map(Retagging.Progress::id).orElse("")));
        URI location = uri.getBaseUriBuilder().path("topics/retag").path(started.id()).build();
        return Response.accepted(started).location(location).build();
    }

    @GET
    @Path("/retag/{id}")
    public Retagging.Progress retagProgress(@PathParam("id") String id) {
        return retagging.progress(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "not-found",
                "No re-tag run " + id + " (only the latest run is kept)."));
    }

    private static TopicEntity find(String slug) {
        TopicEntity topic = TopicEntity.findById(slug);
        if (topic == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "not-found", "No topic " + slug + ".");
        }
        return topic;
    }
}
