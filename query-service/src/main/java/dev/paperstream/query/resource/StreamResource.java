package dev.paperstream.query.resource;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperFilter;
import dev.paperstream.query.domain.ResumeGoneException;
import dev.paperstream.query.domain.StreamUnavailableException;
import dev.paperstream.query.persistence.TopicRepository;
import dev.paperstream.query.stream.PaperStream;
import dev.paperstream.query.stream.StreamClient;
import dev.paperstream.query.stream.StreamConfig;
import dev.paperstream.query.stream.StreamEvent;
import dev.paperstream.query.stream.StreamResume;
import io.smallrye.common.annotation.Blocking;

@Path("/stream")
@Tag(name = "Stream", description = "Newly enriched papers as they arrive (server-sent events)")
public class StreamResource {

    private final PaperStream stream;
    private final StreamResume resume;
    private final TopicRepository topics;
    private final StreamConfig config;

    StreamResource(PaperStream stream, StreamResume resume, TopicRepository topics, StreamConfig config) {
        this.stream = stream;
        this.resume = resume;
        this.topics = topics;
        this.config = config;
    }

    /** Blocking: a resume reads the topic back before the client goes live. */
    @GET
    @Path("/papers")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamPapers", summary = "Each newly enriched paper matching a /papers filter, live",
            description = "Server-sent events: each paper enriched from now on that the filter matches, as soon as "
                    + "its event is on papers-enriched, as `event: paper` with `id` its CloudEvents id and `data` "
                    + "the same JSON as a GET /papers item; a `: heartbeat` comment every 15 s. Reconnect with the "
                    + "Last-Event-ID header (EventSource does) to get every matching event since that one, in order, "
                    + "then live: ids are kept for at least 24 hours. sort is accepted and ignored. A "
                    + "client that falls too far behind is disconnected and resumes the same way.")
    @APIResponse(responseCode = "200", description = "An event stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "events", value = ApiExamples.STREAM)))
    @APIResponse(responseCode = "400", description = "A parameter is refused; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "410", description = "Last-Event-ID is not among the events of the resume window; "
            + "catch up with GET /papers and reconnect without it", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The stream is not reading the broker (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void papers(@BeanParam FilterParams params,
                       @Parameter(description = "The id of the last event received, to resume after it")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        PaperFilter filter = params.filter();
        List<String> unknown = topics.unknown(filter.topics());
        if (!unknown.isEmpty()) {
            throw new InvalidParameterException("topic", "unknown topic " + String.join(", ", unknown)
                    + "; GET /topics lists the topics");
        }
        if (!config.enabled() || !stream.ready()) {
            throw new StreamUnavailableException("the live stream is not reading papers-enriched; try again shortly");
        }
        Map<Integer, Long> after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            after = resume.after(lastEventId.strip()).orElseThrow(() -> new ResumeGoneException("event "
                    + lastEventId.strip() + " is not among the events of the last " + config.resumeWindow().toHours()
                    + " hours; catch up with GET /papers and reconnect without Last-Event-ID"));
        }
        StreamClient client = new StreamClient(filter, sink, sse, config.clientBuffer());
        // the response starts with its first line: a comment tells the client it is connected before any paper
        if (!client.heartbeat()) {
            return;
        }
        Map<Integer, Long> handedOut = stream.subscribe(client);
        if (after != null) {
            for (StreamEvent missed : resume.between(after, handedOut)) {
                if (!client.catchUp(missed)) {
                    stream.unsubscribe(client);
                    return;
                }
            }
        }
        client.goLive();
    }
}
