package dev.paperstream.enrich.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Emitter sends the caller waits on: a batch's offsets may be committed only once Kafka has acknowledged its events
 * and dead letters, so each send yields a future completed by the message's acknowledgement (or failed by its nack).
 */
final class Acknowledged {

    private Acknowledged() {
    }

    static CompletableFuture<Void> send(Emitter<String> emitter, String payload, Metadata metadata) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        emitter.send(Message.of(payload, metadata,
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }

    static void await(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the records", e);
        }
    }
}
