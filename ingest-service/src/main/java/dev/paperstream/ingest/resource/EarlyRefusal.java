package dev.paperstream.ingest.resource;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.http.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem answered from the HTTP layer before the body is buffered, in a way plain clients can read. Plain clients
 * (Python's {@code urllib}, Java's {@code HttpURLConnection}) write the whole body before they read anything, and a
 * connection closed under them while they write loses the answer. So the body is read and discarded up to
 * {@code drain} bytes (or until the client pauses for {@value #IDLE_MILLIS} ms) before the problem is sent and the
 * connection closed: a body within that bound always gets its refusal read, a larger one is cut off. A client that
 * asked {@code Expect: 100-continue} has sent nothing yet and is answered at once, and so is an HTTP/2 request, whose
 * body is dropped as it arrives and whose stream alone ends: the connection it shares with others stays open.
 */
final class EarlyRefusal {

    /** A client that stops sending for this long is answered without waiting for the rest. */
    static final long IDLE_MILLIS = 3_000;

    private EarlyRefusal() {
    }

    /**
     * @param declared the body's Content-Length, -1 when it declares none
     * @param headers  extra response headers, name and value alternating
     */
    static void afterBody(RoutingContext context, long declared, long drain, ObjectMapper json, Problem problem,
            String... headers) {
        HttpServerRequest request = context.request();
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (request.version() == HttpVersion.HTTP_2) {
            // the body is read and dropped as it comes, so the connection's flow-control window, shared with the
            // other requests on it, is credited back
            request.handler(chunk -> { });
            request.resume();
            answer(context, json, problem, headers);
            return;
        }
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            answer(context, json, problem, headers);
            return;
        }
        long toRead = declared < 0 ? drain : Math.min(declared, drain);
        AtomicBoolean answered = new AtomicBoolean();
        AtomicLong read = new AtomicLong();
        Runnable answerOnce = () -> {
            if (answered.compareAndSet(false, true)) {
                request.pause();
                answer(context, json, problem, headers);
            }
        };
        AtomicLong idle = new AtomicLong(context.vertx().setTimer(IDLE_MILLIS, id -> answerOnce.run()));
        request.handler(chunk -> {
            context.vertx().cancelTimer(idle.get());
            if (read.addAndGet(chunk.length()) >= toRead) {
                answerOnce.run();
            } else {
                idle.set(context.vertx().setTimer(IDLE_MILLIS, id -> answerOnce.run()));
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(idle.get());
            answerOnce.run();
        });
        request.exceptionHandler(failure -> context.vertx().cancelTimer(idle.get()));
        request.resume();
    }

    private static void answer(RoutingContext context, ObjectMapper json, Problem problem, String... headers) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem always serializes", e);
        }
        var response = context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        if (context.request().version() == HttpVersion.HTTP_2) {
            // the connection carries other requests: only this stream ends
            response.end(body);
            return;
        }
        // whatever is left of the body is not read
        response.putHeader(HttpHeaders.CONNECTION, "close");
        response.end(body).onComplete(sent -> context.request().connection().close());
    }
}
