package dev.paperstream.query.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperMatcher;

/**
 * One SSE connection: the events its filter matches, in order, first what it missed, then live. At most
 * {@code buffer} events wait unsent (held during the catch-up, or written but not yet taken by the client); one
 * more and the connection is closed, so a slow or stalled client costs bounded memory and resumes where it was.
 */
public final class StreamClient implements PaperStream.Listener {

    static final String EVENT_NAME = "paper";

    private final PaperFilter filter;
    private final SseEventSink sink;
    private final Sse sse;
    private final int buffer;
    private final AtomicInteger unsent = new AtomicInteger();
    /** Live events that arrived during the catch-up; null once live. Guarded by this. */
    private List<StreamEvent> held = new ArrayList<>();
    private volatile boolean closed;

    public StreamClient(PaperFilter filter, SseEventSink sink, Sse sse, int buffer) {
        this.filter = filter;
        this.sink = sink;
        this.sse = sse;
        this.buffer = buffer;
    }

    @Override
    public synchronized boolean offer(StreamEvent event) {
        if (closed || sink.isClosed()) {
            return false;
        }
        if (!PaperMatcher.matches(filter, event.facts())) {
            return true;
        }
        if (held != null) {
            if (held.size() >= buffer) {
                close();
                return false;
            }
            held.add(event);
            return true;
        }
        return send(event);
    }

    /** Sends a missed event; call in order, before {@link #goLive()}. */
    public synchronized boolean catchUp(StreamEvent event) {
        return !closed && (!PaperMatcher.matches(filter, event.facts()) || send(event));
    }

    /** Sends the live events held during the catch-up, then each as it comes. */
    public synchronized void goLive() {
        List<StreamEvent> waiting = held;
        held = null;
        for (StreamEvent event : waiting) {
            if (!send(event)) {
                return;
            }
        }
    }

    /** A comment line that keeps an idle connection open; false when the client is gone. */
    public synchronized boolean heartbeat() {
        return !closed && write(sse.newEventBuilder().comment("heartbeat").build());
    }

    public boolean closed() {
        return closed || sink.isClosed();
    }

    private boolean send(StreamEvent event) {
        return write(sse.newEventBuilder().id(event.id()).name(EVENT_NAME).data(event.item()).build());
    }

    private boolean write(OutboundSseEvent event) {
        if (closed || sink.isClosed()) {
            closed = true;
            return false;
        }
        if (unsent.incrementAndGet() > buffer) {
            close();
            return false;
        }
        sink.send(event).whenComplete((ignored, failure) -> {
            unsent.decrementAndGet();
            if (failure != null) {
                close();
            }
        });
        return true;
    }

    public void close() {
        closed = true;
        sink.close();
    }
}
