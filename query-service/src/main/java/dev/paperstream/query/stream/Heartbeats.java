package dev.paperstream.query.stream;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * A comment line to every connected client each {@code paperstream.stream.heartbeat}: proxies close connections
 * that stay silent, and a client learns that a quiet stream is alive. A client that is gone is dropped.
 */
@ApplicationScoped
public class Heartbeats {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "paper-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final StreamConfig config;
    private final PaperStream stream;

    Heartbeats(StreamConfig config, PaperStream stream) {
        this.config = config;
        this.stream = stream;
    }

    void start(@Observes StartupEvent event) {
        long period = config.heartbeat().toMillis();
        timer.scheduleAtFixedRate(() -> stream.listeners().forEach(listener -> {
            if (listener instanceof StreamClient client && !client.heartbeat()) {
                stream.unsubscribe(client);
            }
        }), period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
