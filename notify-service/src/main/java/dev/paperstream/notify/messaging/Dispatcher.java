package dev.paperstream.notify.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.paperstream.notify.config.NotifyConfig;
import dev.paperstream.notify.persistence.Outbox;
import dev.paperstream.notify.service.DeliveryAttempts;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends what the outbox holds: one loop claims due deliveries, as many as there are free sending slots
 * ({@code paperstream.webhooks.delivery.concurrency}), and hands each to a sending thread. It looks again when a slot
 * frees, when the consumer stored new deliveries ({@link #wake()}), or after the poll interval. Claims skip rows
 * another instance holds, so several instances share the outbox without sending a delivery twice.
 */
@ApplicationScoped
public class Dispatcher {

    private final Outbox outbox;
    private final DeliveryAttempts attempts;
    private final int concurrency;
    private final Duration pollInterval;
    private final Duration lease;
    private final Semaphore slots;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService loop;
    private ExecutorService senders;

    Dispatcher(Outbox outbox, DeliveryAttempts attempts, NotifyConfig config) {
        this.outbox = outbox;
        this.attempts = attempts;
        this.concurrency = config.delivery().concurrency();
        this.pollInterval = config.delivery().pollInterval();
        this.lease = DeliveryAttempts.lease(config);
        this.slots = new Semaphore(concurrency);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        // threads of our own, not a shared pool: a slow receiver must never hold threads the HTTP server needs
        senders = Executors.newFixedThreadPool(concurrency, named("webhook-sender"));
        loop = Executors.newSingleThreadExecutor(named("webhook-dispatcher"));
        loop.execute(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wake();
        loop.shutdown();
        senders.shutdown();
        // attempts under way finish (each is bounded by its timeouts); one cut short is sent again after its lease
        senders.awaitTermination(20, TimeUnit.SECONDS);
    }

    /** Looks at the outbox now: new deliveries were stored. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int free = slots.availablePermits();
                List<Outbox.Claimed> claimed = free == 0 ? List.of() : outbox.claimDue(free, lease);
                for (Outbox.Claimed delivery : claimed) {
                    slots.acquire();
                    senders.execute(() -> send(delivery));
                }
                if (claimed.size() < free || free == 0) {
                    wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: claimed nothing, so nothing is lost; look again after the interval
                Log.warnf("Could not claim deliveries: %s", e.getMessage());
                sleep();
            }
        }
    }

    private void send(Outbox.Claimed delivery) {
        try {
            attempts.attempt(delivery);
        } catch (RuntimeException e) {
            // recording failed (database away): the claim's lease runs out and the delivery is tried again
            Log.warnf("Attempt of %s not recorded, it will be sent again: %s", delivery.webhookId(), e.getMessage());
        } finally {
            slots.release();
            wake();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
