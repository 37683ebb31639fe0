package dev.paperstream.query.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.LinkKind;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperSummary;
import dev.paperstream.query.domain.TopicCount;
import dev.paperstream.query.persistence.PaperListingRepository;
import dev.paperstream.query.persistence.TopicRepository;
import dev.paperstream.query.service.PaperSearch;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The web page at {@code /}: the search form with its filters and a page of results, read by {@link PaperSearch} as
 * {@code GET /papers} reads them, with the same cursor. A refused value shows on the page (400), naming the field.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    static final int PAGE_SIZE = 20;

    /**
     * What the page shows.
     *
     * @param error        why the search was refused (the form stays filled in), or null
     * @param errorField   the refused parameter, or null
     * @param topicNames   topic slug to name, for chips
     * @param nextHref     the next page, or null on the last
     * @param liveStream   where new matching papers stream from, when they belong at the top of this page; else null
     */
    public record View(SearchForm form, List<SearchForm.Active> active, List<TopicCount> topics,
                       List<String> linkKinds, Map<String, String> topicNames, List<PaperSummary> papers,
                       boolean firstPage, String nextHref, String liveStream, Follow follow, String error,
                       String errorField) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(View view);
    }

    private final PaperSearch search;
    private final TopicRepository topics;
    private final FollowInstructions follow;

    SearchPage(PaperSearch search, TopicRepository topics, FollowInstructions follow) {
        this.search = search;
        this.topics = topics;
        this.follow = follow;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("q") String q, @QueryParam("topic") List<String> topic,
                         @QueryParam("model") String model, @QueryParam("benchmark") String benchmark,
                         @QueryParam("hasCode") String hasCode, @QueryParam("linkKind") String linkKind,
                         @QueryParam("digest") String digest, @QueryParam("author") String author,
                         @QueryParam("category") String category, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("sort") String sort,
                         @QueryParam("cursor") String cursor) {
        SearchForm form = new SearchForm(q, topic, model, benchmark, hasCode, linkKind, digest, author, category,
                from, to, sort);
        List<TopicCount> all = byName(topics.all());
        Follow following = follow.of(form.active().isEmpty() ? "all papers" : "this search", form);
        boolean firstPage = cursor == null || cursor.isBlank();
        try {
            PaperFilter filter = form.filter();
            PaperSearch.Result result = search.page(filter, cursor, PAGE_SIZE);
            View view = new View(form, form.active(), all, LinkKind.ALL, names(all),
                    result.rows().stream().map(PaperListingRepository.Row::paper).toList(), firstPage,
                    result.nextCursor() == null ? null : form.href("/", result.nextCursor()),
                    firstPage && form.newestFirst() ? form.followed().href(FollowInstructions.STREAM) : null, following, null,
                    null);
            return Response.ok(Templates.search(view)).build();
        } catch (InvalidParameterException e) {
            View view = new View(form, form.active(), all, LinkKind.ALL, names(all), List.of(), firstPage, null, null,
                    following, e.getMessage(), e.parameter());
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.search(view)).build();
        }
    }

    /** Topics as people look them up in a list: by name (the API lists them by slug). */
    static List<TopicCount> byName(List<TopicCount> topics) {
        return topics.stream().sorted(Comparator.comparing(TopicCount::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    static Map<String, String> names(List<TopicCount> topics) {
        return topics.stream().collect(Collectors.toMap(TopicCount::slug, TopicCount::name, (a, b) -> a));
    }
}
