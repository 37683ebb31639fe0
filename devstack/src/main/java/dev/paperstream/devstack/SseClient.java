package dev.paperstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent events client for tests, reading the wire format as a browser's EventSource does: fields
 * {@code id}, {@code event}, {@code data} (lines joined by line breaks), comments ({@code : ...}), an event ending
 * at a blank line. Each event and comment is kept with the instant it arrived.
 */
public final class SseClient implements AutoCloseable {

    /** An event: {@code name} is null for a comment, whose text is then {@code data}. */
    public record Event(String id, String name, String data, Instant received) {
        public boolean isComment() {
            return name == null && id == null;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects; {@code lastEventId} (may be null) is sent as Last-Event-ID. Fails unless the answer is 200. */
    public static SseClient connect(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new IllegalStateException("stream answered " + response.statusCode() + ": " + body);
            }
            return new SseClient(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event or comment, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event that is no comment, or null after {@code timeout}. */
    public Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (event == null || !event.isComment()) {
                return event;
            }
        }
    }

    /** Events (no comments) until none came for {@code quiet}. */
    public List<Event> eventsUntilQuiet(Duration quiet) throws InterruptedException {
        List<Event> received = new ArrayList<>();
        for (Event event = nextEvent(quiet); event != null; event = nextEvent(quiet)) {
            received.add(event);
        }
        return received;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), Instant.now()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1).strip(), Instant.now()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields carry nothing a test looks at
                        }
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // the connection closed: the events so far stay readable
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
