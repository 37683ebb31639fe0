package dev.paperstream.ingest.resource;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.http.Problem;
import dev.paperstream.ingest.config.IngestConfig;
import dev.paperstream.ingest.domain.DigestTooLargeException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a body whose declared Content-Length is over the digest limit with the same 413 problem the resource
 * gives, ahead of the HTTP layer's own bare 413 for bodies beyond {@code quarkus.http.limits.max-body-size}. Bodies
 * sent without a length are measured while read.
 * <p>
 * Plain clients (Python's {@code urllib}, Java's {@code HttpURLConnection}) write the whole body before they read
 * anything, and a connection closed under them while they write loses the answer. So the body is read and discarded
 * up to {@code refused-body-drain} bytes (or until the client pauses for {@value #IDLE_MILLIS} ms) before the 413 is
 * sent and the connection closed: a body within that bound always gets its refusal read, a larger one is cut off. A client that
 * asked {@code Expect: 100-continue} has sent nothing yet and is answered at once.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** A client that stops sending for this long is answered without waiting for the rest. */
    static final long IDLE_MILLIS = 3_000;

    private final long limit;
    private final long drain;
    private final ObjectMapper json;
    private final DigestOutcomes outcomes;

    public BodySizeLimit(IngestConfig config, ObjectMapper json, DigestOutcomes outcomes) {
        this.limit = config.maxBodySize().asLongValue();
        this.drain = config.refusedBodyDrain().asLongValue();
        this.json = json;
        this.outcomes = outcomes;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = length == null ? -1 : declared(length);
        if (declared <= limit) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            refuse(context);
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        AtomicLong read = new AtomicLong();
        AtomicLong idle = new AtomicLong(context.vertx().setTimer(IDLE_MILLIS, id -> answerOnce(context, answered)));
        request.handler(chunk -> {
            context.vertx().cancelTimer(idle.get());
            if (read.addAndGet(chunk.length()) >= Math.min(declared, drain)) {
                answerOnce(context, answered);
            } else {
                idle.set(context.vertx().setTimer(IDLE_MILLIS, id -> answerOnce(context, answered)));
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(idle.get());
            answerOnce(context, answered);
        });
        request.exceptionHandler(failure -> context.vertx().cancelTimer(idle.get()));
        request.resume();
    }

    private void answerOnce(RoutingContext context, AtomicBoolean answered) {
        if (answered.compareAndSet(false, true)) {
            context.request().pause();
            refuse(context);
        }
    }

    private void refuse(RoutingContext context) {
        outcomes.refused("digest-too-large");
        Problem problem = new Problem(Problem.TYPE_BASE + "digest-too-large",
                Response.Status.REQUEST_ENTITY_TOO_LARGE.getReasonPhrase(), 413,
                DigestTooLargeException.bodyOver(limit).getMessage(), context.request().path());
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem))
                    // whatever is left of the body is not read
                    .onComplete(sent -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serializes", e);
        }
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
