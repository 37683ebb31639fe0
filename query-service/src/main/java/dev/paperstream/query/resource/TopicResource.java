package dev.paperstream.query.resource;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

import dev.paperstream.query.domain.TopicCount;
import dev.paperstream.query.domain.TrendWindow;
import dev.paperstream.query.domain.TrendingTopics;
import dev.paperstream.query.persistence.TopicRepository;

@Path("/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The taxonomy, how many papers each topic has, and what is rising")
public class TopicResource {

    private final TopicRepository topics;

    TopicResource(TopicRepository topics) {
        this.topics = topics;
    }

    @GET
    @Operation(operationId = "listTopics", summary = "Every topic with its paper count", description = "A JSON array, by slug.")
    @APIResponse(responseCode = "200", description = "Topics by slug", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "topics", value = ApiExamples.TOPICS)))
    @APIResponse(responseCode = "400", description = "A query parameter this endpoint does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<TopicCount> list() {
        return topics.all();
    }

    @GET
    @Path("/trending")
    @Operation(operationId = "getTrendingTopics", summary = "Topics by papers first seen in a window against the window before, rising first")
    @APIResponse(responseCode = "200", description = "Topic counts in both windows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "trending", value = ApiExamples.TRENDING)))
    @APIResponse(responseCode = "400", description = "window or asOf refused", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public TrendingTopics trending(
            @Parameter(description = "Window length in days, 1d..365d (default 7d)", example = "7d")
            @QueryParam("window") String window,
            @Parameter(description = "Last day of the window (default today, UTC)", example = "2026-03-14")
            @QueryParam("asOf") String asOf) {
        return topics.trending(TrendWindow.parse(window, asOf, LocalDate.now(Clock.systemUTC())));
    }
}
