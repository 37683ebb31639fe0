package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Emitter sends the caller waits on: a batch's offsets may be committed only once Kafka has acknowledged its events
 * and dead letters, so each send yields a future completed by the message's acknowledgement (or failed by its nack).
 */
final class Acknowledged {

    /** How often a wait for acknowledgements tells its caller it is still waiting. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private Acknowledged() {
    }

    static CompletableFuture<Void> send(Emitter<String> emitter, String payload, Metadata metadata) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            emitter.send(Message.of(payload, metadata,
                    () -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
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

    /**
     * Waits up to {@code timeout} for every acknowledgement and returns, in order, each send's failure or null
     * when it was acknowledged; a send still unanswered at the deadline fails with a {@link TimeoutException}.
     * {@code stillWaiting} hears every couple of seconds how many are outstanding, so a slow broker is reported as
     * such and not taken for a stall.
     */
    static List<Throwable> failures(List<CompletableFuture<Void>> acks, Duration timeout, Consumer<String> stillWaiting) {
        Instant deadline = Instant.now().plus(timeout);
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        while (!all.isDone() && Instant.now().isBefore(deadline)) {
            try {
                all.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DependencyRetry.ShuttingDown("waiting for Kafka");
            } catch (ExecutionException e) {
                break;
            } catch (TimeoutException e) {
                long open = acks.stream().filter(a -> !a.isDone()).count();
                stillWaiting.accept("Kafka has not acknowledged " + open + " of " + acks.size() + " records yet");
            }
        }
        try {
            all.get(deadline.isAfter(Instant.now()) ? Duration.between(Instant.now(), deadline).toMillis() : 0,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyRetry.ShuttingDown("waiting for Kafka");
        } catch (ExecutionException | TimeoutException e) {
            // each send's own outcome is read below
        }
        List<Throwable> out = new ArrayList<>();
        for (CompletableFuture<Void> ack : acks) {
            if (!ack.isDone()) {
                out.add(new TimeoutException("no acknowledgement within " + timeout));
            } else {
                try {
                    ack.join();
                    out.add(null);
                } catch (CompletionException e) {
                    out.add(e.getCause() == null ? e : e.getCause());
                } catch (CancellationException e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * Whether Kafka refused the record itself (too large, invalid, not serializable), which no retry can deliver.
     * Anything else, an unreachable broker, a delivery timeout, a sink not ready, is taken for an outage and retried.
     */
    static boolean isRejected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
