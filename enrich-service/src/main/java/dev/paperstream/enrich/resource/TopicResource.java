package dev.paperstream.enrich.resource;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicTagger;
import dev.paperstream.enrich.persistence.CurrentTaxonomy;
import dev.paperstream.enrich.persistence.RulesJson;
import dev.paperstream.enrich.persistence.TopicEntity;
import dev.paperstream.enrich.service.Retagging;
import dev.paperstream.http.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The taxonomy, editable at run time. Edits apply to entries consumed from then on; {@code POST /topics/retag}
 * applies them to the papers already stored.
 */
@Path("/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The taxonomy that tags papers, editable at run time")
@SecurityScheme(securitySchemeName = TopicResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from the server's PAPERSTREAM_API_TOKENS")
public class TopicResource {

    static final String BEARER = "bearerToken";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A topic with its rules and example papers (format in the README). */
    public record TopicView(String slug, String name, String description, JsonNode rules, JsonNode examples,
            boolean editedByUser, Instant updatedAt) {

        static TopicView of(TopicEntity t) {
            return new TopicView(t.slug, t.name, t.description, RulesJson.parse(t.rules), RulesJson.parse(t.examples),
                    t.editedByUser, t.updatedAt);
        }
    }

    /** The editable part of a topic. */
    public record TopicUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @NotNull JsonNode rules, JsonNode examples) {
    }

    private final CurrentTaxonomy taxonomy;
    private final Retagging retagging;

    public TopicResource(CurrentTaxonomy taxonomy, Retagging retagging) {
        this.taxonomy = taxonomy;
        this.retagging = retagging;
    }

    @GET
    @Operation(operationId = "listTopics", summary = "Every topic with its rules, by slug")
    @APIResponse(responseCode = "200", description = "Topics by slug")
    @APIResponse(responseCode = "406", description = "Accept names no JSON type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TopicView> list() {
        return QuarkusTransaction.joiningExisting().call(() -> TopicEntity.allBySlug().stream().map(TopicView::of).toList());
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getTopic", summary = "One topic with its rules")
    @APIResponse(responseCode = "200", description = "The topic")
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TopicView get(@PathParam("slug") String slug) {
        return QuarkusTransaction.joiningExisting().call(() -> TopicView.of(find(slug)));
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTopic", summary = "Create or replace a topic",
            description = "Applies to entries consumed from now on; POST /topics/retag applies it to stored papers.")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Slug, name, description or rules refused; the problem names which", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("slug") String slug, @Valid @NotNull TopicUpdate update, @Context UriInfo uri) {
        if (!SLUG.matcher(slug).matches() || slug.length() > 64 || slug.equals("retag")) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-slug",
                    "A topic slug is 1 to 64 lower-case letters, digits and single hyphens (not 'retag'): " + slug);
        }
        Topic topic = topic(slug, update);
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            List<Topic> taxonomyAfter = new ArrayList<>();
            for (TopicEntity other : TopicEntity.allBySlug()) {
                if (!other.slug.equals(slug)) {
                    other.toUsableTopic().ifPresent(taxonomyAfter::add);
                }
            }
            taxonomyAfter.add(topic);
            check(taxonomyAfter);
            TopicEntity entity = TopicEntity.findById(slug);
            boolean isNew = entity == null;
            if (isNew) {
                entity = new TopicEntity();
                entity.slug = slug;
            }
            entity.name = topic.name();
            entity.description = topic.description();
            entity.rules = RulesJson.toJson(topic.rules()).toString();
            entity.examples = RulesJson.toJson(topic.examples()).toString();
            entity.editedByUser = true;
            entity.updatedAt = Instant.now();
            entity.persist();
            return isNew;
        });
        taxonomy.reload();
        TopicView view = get(slug);
        return created ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
    }

    @DELETE
    @Path("/{slug}")
    @Operation(operationId = "deleteTopic", summary = "Remove a topic")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No or wrong bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("slug") String slug) {
        QuarkusTransaction.requiringNew().run(() -> find(slug).delete());
        taxonomy.reload();
        return Response.noContent().build();
    }

    @POST
    @Path("/retag")
    @Operation(operationId = "startRetag", summary = "Re-tag every stored paper with the current rules",
            description = "Runs in the background; the Location header is its progress.")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "401", description = "No or wrong bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A re-tag is already running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retag(@Context UriInfo uri) {
        Retagging.Progress started = retagging.start().orElseThrow(() -> new ProblemException(Response.Status.CONFLICT,
                "retag-running", "A re-tag is already running: " + retagging.current().map(Retagging.Progress::id).orElse("")));
        URI location = uri.getBaseUriBuilder().path("topics/retag").path(started.id()).build();
        return Response.accepted(started).location(location).build();
    }

    @GET
    @Path("/retag/{id}")
    @Operation(operationId = "getRetagProgress", summary = "A re-tag run's progress")
    @APIResponse(responseCode = "200", description = "The run's progress")
    @APIResponse(responseCode = "404", description = "No such run (only the latest is kept)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Retagging.Progress retagProgress(@PathParam("id") String id) {
        return retagging.progress(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "not-found",
                "No re-tag run " + id + " (only the latest run is kept)."));
    }

    /** The topic as the body describes it; a 400 naming the field for anything the tagger could not use. */
    private static Topic topic(String slug, TopicUpdate update) {
        String name = update.name().strip();
        String description = update.description() == null ? "" : update.description().strip();
        refuseControlCharacters("name", name);
        refuseControlCharacters("description", description.replace('\n', ' ').replace('\t', ' '));
        try {
            return new Topic(slug, name, description, RulesJson.rules(update.rules()), RulesJson.examples(update.examples()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-rules", e.getMessage());
        }
    }

    private static void refuseControlCharacters(String field, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-topic", field + " must not contain control characters");
        }
    }

    /** Builds the tagger the edit would give before it is committed, so a stored taxonomy always builds. */
    private static void check(List<Topic> taxonomyAfter) {
        try {
            new TopicTagger(taxonomyAfter);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "invalid-rules", "rules: " + e.getMessage());
        }
    }

    private static TopicEntity find(String slug) {
        TopicEntity topic = TopicEntity.findById(slug);
        if (topic == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "not-found", "No topic " + slug + ".");
        }
        return topic;
    }
}
