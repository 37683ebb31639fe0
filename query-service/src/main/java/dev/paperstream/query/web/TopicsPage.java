package dev.paperstream.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.query.domain.TopicCount;
import dev.paperstream.query.domain.TrendWindow;
import dev.paperstream.query.domain.TrendingTopics;
import dev.paperstream.query.persistence.TopicRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The topics page at {@code /t}: every topic with its paper count ({@code GET /topics}) and what is rising in a
 * window ({@code GET /topics/trending}).
 */
@Path("/t")
@Produces(MediaType.TEXT_HTML)
public class TopicsPage {

    /** The window lengths the page offers; the API takes any from 1d to 365d. */
    static final List<String> WINDOWS = List.of("1d", "7d", "30d", "90d", "365d");

    /**
     * @param trending the window's counts, or null when the window was refused
     * @param asOf     the window's last day as the form shows it (blank: today)
     */
    public record View(List<TopicCount> topics, TrendingTopics trending, List<String> windows, String window,
                       String asOf, Follow follow, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance topics(View view);
    }

    private final TopicRepository topics;
    private final FollowInstructions follow;

    TopicsPage(TopicRepository topics, FollowInstructions follow) {
        this.topics = topics;
        this.follow = follow;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("window") String window, @QueryParam("asOf") String asOf) {
        List<TopicCount> all = SearchPage.byName(topics.all());
        Follow following = follow.of("all papers", SearchForm.empty());
        String shownWindow = window == null || window.isBlank() ? "7d" : window.strip();
        String shownAsOf = asOf == null ? "" : asOf.strip();
        try {
            TrendingTopics trending = topics.trending(TrendWindow.parse(window, asOf, LocalDate.now(Clock.systemUTC())));
            return Response.ok(Templates.topics(new View(all, trending, WINDOWS, shownWindow, shownAsOf, following,
                    null))).build();
        } catch (InvalidParameterException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.topics(new View(all, null, WINDOWS,
                    shownWindow, shownAsOf, following, e.getMessage()))).build();
        }
    }
}
