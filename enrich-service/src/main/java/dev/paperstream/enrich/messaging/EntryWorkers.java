package dev.paperstream.enrich.messaging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

/**
 * Runs each entry's own work (parsing, links, mentions, tagging, building its event) on a worker thread with a
 * deadline, so that no entry can hold its partition: whatever the work throws, Errors such as
 * {@link StackOverflowError} included, and work that uses more than {@code paperstream.enrich.entry-timeout} of
 * CPU time, or more than {@code paperstream.enrich.entry-wall-timeout} in all, make the entry unprocessable
 * (reasons {@code enrichment-failed} and {@code timeout}) and the batch goes on. The budget is CPU time so that
 * a machine under load, which slows every entry alike, does not turn well-formed entries into dead letters.
 * <p>
 * A computation past its deadline is interrupted, but scanning code in a CPU loop never looks at the interrupt
 * flag, so the thread is then stopped ({@link Thread#stop()}, which on Java 17 throws {@link ThreadDeath} into it
 * at its next safepoint, loops included). That is safe here because the work touches nothing shared but
 * immutable rules and its own objects. Where the JVM refuses to stop threads (Java 20 and later) the thread is
 * abandoned instead: it is counted, and liveness reports DOWN while one is still running after
 * {@code paperstream.enrich.liveness.runaway-grace}, so an orchestrator restarts the service and gets the core
 * back; the entry that caused it is on the DLQ by then and its offset committed, so it does not come back.
 */
@ApplicationScoped
public class EntryWorkers {

    /** A thread that outlived its entry's deadline, and when it was given up on. */
    public record Runaway(String thread, String entry, Instant since) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** How often a running entry's CPU time is looked at. */
    private static final Duration TICK = Duration.ofMillis(100);

    private final Duration budget;
    private final Duration wallBudget;
    private final AtomicInteger threadIds = new AtomicInteger();
    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "enrich-entry-" + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    private final Map<Thread, Runaway> runaways = new ConcurrentHashMap<>();
    private final AtomicLong timedOut = new AtomicLong();

    public EntryWorkers(@ConfigProperty(name = "paperstream.enrich.entry-timeout") Duration budget,
            @ConfigProperty(name = "paperstream.enrich.entry-wall-timeout") Duration wallBudget) {
        this.budget = budget;
        this.wallBudget = wallBudget;
    }

    /** One entry's work and the thread running it, so that a deadline can reach the thread and no other. */
    private static final class Job<T> implements Callable<T> {
        private final Callable<T> work;
        private Thread runner;
        private long cpuAtStart;
        private boolean finished;

        Job(Callable<T> work) {
            this.work = work;
        }

        @Override
        public T call() throws Exception {
            synchronized (this) {
                runner = Thread.currentThread();
                cpuAtStart = THREADS.getThreadCpuTime(runner.getId());
            }
            try {
                return work.call();
            } finally {
                synchronized (this) {
                    finished = true;
                }
            }
        }

        /** CPU time the job has used so far; 0 before it started. */
        synchronized long cpuNanos() {
            return runner == null || finished ? 0 : THREADS.getThreadCpuTime(runner.getId()) - cpuAtStart;
        }

        /** Stops the runner if it is still inside this job; returns the thread left running, if any. */
        @SuppressWarnings("removal")
        synchronized Thread stop() {
            if (finished || runner == null) {
                return null;
            }
            try {
                runner.stop();
            } catch (UnsupportedOperationException e) {
                Log.warnf("the JVM cannot stop %s; it is abandoned", runner.getName());
            }
            return runner;
        }
    }

    /**
     * Runs {@code work} for {@code entry} within the budget and returns its result.
     *
     * @throws UnprocessableEntryException when the work throws anything or runs past the budget
     */
    public <T> T run(String entry, Callable<T> work) {
        Job<T> job = new Job<>(work);
        Future<T> result = workers.submit(job);
        Instant wallDeadline = Instant.now().plus(wallBudget);
        try {
            while (true) {
                try {
                    return result.get(TICK.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    String overrun = job.cpuNanos() > budget.toNanos() ? budget + " of CPU time"
                            : Instant.now().isAfter(wallDeadline) ? wallBudget + " in all" : null;
                    if (overrun != null) {
                        giveUp(entry, job, result);
                        throw new UnprocessableEntryException("timeout: enrichment took longer than " + overrun);
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnprocessableEntryException unprocessable) {
                throw unprocessable;
            }
            throw new UnprocessableEntryException("enrichment-failed: " + cause, cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new DependencyRetry.ShuttingDown("enriching " + entry);
        }
    }

    private void giveUp(String entry, Job<?> job, Future<?> result) {
        result.cancel(true);
        timedOut.incrementAndGet();
        Thread left = job.stop();
        if (left != null) {
            runaways.put(left, new Runaway(left.getName(), entry, Instant.now()));
        }
    }

    /** Entries given up on for taking too long, since start. */
    public long timedOut() {
        return timedOut.get();
    }

    /** Threads that outlived their deadline and are still running (none where threads can be stopped). */
    public List<Runaway> runaways() {
        runaways.keySet().removeIf(t -> !t.isAlive());
        return List.copyOf(runaways.values());
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }
}
