package dev.paperstream.ingest.resource;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.http.ApiTokens;
import dev.paperstream.http.Problem;
import dev.paperstream.ingest.config.IngestConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * Bounds the digest bytes ingest works on at once, so that concurrent large digests cannot run its heap out: a
 * {@code POST /digests} holds a share of {@code max-bytes-in-flight} as large as its declared Content-Length (the
 * body limit when it declares none) from before its body is read until the resource's work on it ends (or, when
 * the resource never starts, until the request ends). One that does not fit waits, its body unread, up to
 * {@code in-flight-wait} for others to end (HTTP/1.1; an HTTP/2 request does not wait), then is answered 503 with
 * Retry-After and nothing of it is published. Parsing a page and publishing its records takes several times the
 * body's size in heap: two 4.9 MB pages at once ran the 96 MB heap out of memory.
 */
@ApplicationScoped
public class DigestsInFlight {

    static final String GAUGE = "paperstream.ingest.digest.bytes.in.flight";
    private static final int KIB = 1024;
    private static final long RECHECK_MILLIS = 20;

    private final long bodyLimit;
    private final long drain;
    private final int budgetKib;
    private final long waitNanos;
    private final Semaphore budget;
    private final String retryAfterSeconds;
    private final ObjectMapper json;
    private final DigestOutcomes outcomes;
    private final ApiTokens tokens;

    public DigestsInFlight(IngestConfig config, ObjectMapper json, DigestOutcomes outcomes, ApiTokens tokens,
            MeterRegistry registry) {
        this.bodyLimit = config.maxBodySize().asLongValue();
        this.drain = config.refusedBodyDrain().asLongValue();
        // a digest as large as the body limit must always fit when nothing else is in flight
        this.budgetKib = kib(Math.max(config.maxBytesInFlight().asLongValue(), bodyLimit));
        this.budget = new Semaphore(budgetKib);
        this.waitNanos = config.inFlightWait().toNanos();
        this.retryAfterSeconds = Long.toString(Math.max(1, config.retryAfter().toSeconds()));
        this.json = json;
        this.outcomes = outcomes;
        this.tokens = tokens;
        Gauge.builder(GAUGE, budget, b -> (budgetKib - b.availablePermits()) * (double) KIB)
                .description("Body bytes of the digests being worked on (declared sizes), against max-bytes-in-flight")
                .register(registry);
    }

    void install(@Observes Router router) {
        // every POST, not only the path "/digests": the REST layer also routes "/digests;x=1" there
        router.post().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT).handler(this::admit);
    }

    /**
     * Marks the start of the resource's work on the admitted request, whose share is then released when that work
     * ends (close the result) rather than when the request does: a client that sends its body and hangs up does not
     * free the heap its digest still takes.
     */
    public static Working working(RoutingContext context) {
        Share share = context.get(Share.KEY);
        return share == null || !share.start() ? () -> { } : share::finish;
    }

    /** The resource's work on an admitted request; closing it releases the request's share. */
    public interface Working extends AutoCloseable {
        @Override
        void close();
    }

    /** A request's hold on the budget: admitted, then working, then released, each once. */
    private static final class Share {
        static final String KEY = Share.class.getName();
        private static final int ADMITTED = 0;
        private static final int WORKING = 1;
        private static final int RELEASED = 2;

        private final AtomicInteger state = new AtomicInteger(ADMITTED);
        private final Semaphore budget;
        private final int kib;

        Share(Semaphore budget, int kib) {
            this.budget = budget;
            this.kib = kib;
        }

        boolean start() {
            return state.compareAndSet(ADMITTED, WORKING);
        }

        void finish() {
            if (state.compareAndSet(WORKING, RELEASED)) {
                budget.release(kib);
            }
        }

        /** The request ended (answered, refused, or its connection closed): releases unless the work goes on. */
        void requestEnded() {
            if (state.compareAndSet(ADMITTED, RELEASED)) {
                budget.release(kib);
            }
        }
    }

    private void admit(RoutingContext context) {
        // A request without an accepted token is refused (401) before its body matters; it must not hold any of the
        // budget, or anyone could keep the writers out with a few slow bodies.
        if (!tokens.acceptsAuthorization(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            context.next();
            return;
        }
        long declared = BodySizeLimit.declared(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        int share = kib(declared < 0 || declared > bodyLimit ? bodyLimit : declared);
        admitWithin(context, declared, share, System.nanoTime() + waitNanos);
    }

    /**
     * Admits the request as soon as its share fits, checking again every {@value #RECHECK_MILLIS} ms until the
     * deadline. Meanwhile its body is not read: it waits in the connection, not in the heap.
     */
    private void admitWithin(RoutingContext context, long declared, int share, long deadline) {
        if (context.response().closed()) {
            return;
        }
        if (budget.tryAcquire(share)) {
            Share held = new Share(budget, share);
            context.put(Share.KEY, held);
            context.addEndHandler(ended -> held.requestEnded());
            context.next();
            return;
        }
        // An HTTP/2 request waiting unread would hold the connection's flow-control window, and with it the bodies of
        // the other requests on that connection, the admitted ones included: it is answered at once instead.
        if (System.nanoTime() < deadline && context.request().version() != HttpVersion.HTTP_2) {
            context.vertx().setTimer(RECHECK_MILLIS, id -> admitWithin(context, declared, share, deadline));
            return;
        }
        outcomes.refused("busy");
        EarlyRefusal.afterBody(context, declared, drain, json, new Problem(Problem.TYPE_BASE + "busy",
                Response.Status.SERVICE_UNAVAILABLE.getReasonPhrase(), 503, "ingest is working on as many digest bytes"
                        + " as it holds at once (" + budgetKib / KIB + " MB) and none were freed in time; nothing of this"
                        + " digest was published. Send it again after " + retryAfterSeconds + " s.",
                context.request().path()),
                "Retry-After", retryAfterSeconds);
    }

    private static int kib(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
    }
}
