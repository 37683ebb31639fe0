package dev.paperstream.enrich.messaging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import java.util.function.Function;

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
 * A batch's entries run one after the other on one worker thread, which notes where each starts; the caller looks
 * at the entry in progress every tick. Handing each entry to a thread of its own and waiting for it cost two thread
 * switches per entry, a good share of the service's CPU time per entry.
 * <p>
 * Scanning code in a CPU loop never looks at the interrupt flag, so a thread past its entry's deadline is stopped ({@link Thread#stop()}, which on Java 17 throws {@link ThreadDeath} into it
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

    /** One entry's result, or why it is unprocessable. */
    public record Outcome<R>(R value, UnprocessableEntryException failure) {
    }

    /**
     * A batch's entries from {@code from} on, worked through in order by one thread, so that entries cost no thread
     * hand-off each; the deadline is still each entry's own. What the supervisor reads (the entry in progress, its
     * start, the results so far) changes under the job's lock.
     */
    private static final class Job<I, R> implements Runnable {
        private final List<I> items;
        private final Function<I, R> work;
        private final int from;
        private final Outcome<R>[] outcomes;
        private Thread runner;
        private int current;
        private long cpuAtStart;
        private long wallAtStart;
        private boolean stopped;

        Job(List<I> items, Function<I, R> work, int from, Outcome<R>[] outcomes) {
            this.items = items;
            this.work = work;
            this.from = from;
            this.outcomes = outcomes;
            this.current = from;
            this.wallAtStart = System.nanoTime();
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            for (int i = from; i < items.size(); i++) {
                synchronized (this) {
                    current = i;
                    cpuAtStart = THREADS.getCurrentThreadCpuTime();
                    wallAtStart = System.nanoTime();
                }
                Outcome<R> outcome;
                try {
                    outcome = new Outcome<>(work.apply(items.get(i)), null);
                } catch (UnprocessableEntryException e) {
                    outcome = new Outcome<>(null, e);
                } catch (Throwable e) {
                    if (e instanceof ThreadDeath && isStopped()) {
                        throw e;
                    }
                    outcome = new Outcome<>(null, new UnprocessableEntryException("enrichment-failed: " + e, e));
                }
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    outcomes[i] = outcome;
                }
            }
            synchronized (this) {
                current = items.size();
            }
        }

        private synchronized boolean isStopped() {
            return stopped;
        }

        /** The entry in progress, items.size() once all are done. */
        synchronized int current() {
            return current;
        }

        /** CPU time the entry in progress has used so far; 0 before the job started. */
        synchronized long cpuNanos() {
            return runner == null || current >= items.size() ? 0 : THREADS.getThreadCpuTime(runner.getId()) - cpuAtStart;
        }

        /** Wall time the entry in progress has taken so far, from the job's submission for its first entry. */
        synchronized long wallNanos() {
            return System.nanoTime() - wallAtStart;
        }

        /**
         * Stops the runner if it is still inside entry {@code entry}; returns the thread left running, if any. The
         * job records nothing more either way.
         */
        @SuppressWarnings("removal")
        synchronized Thread stop(int entry) {
            stopped = true;
            if (runner == null || current != entry) {
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
     * Runs {@code work} for each item, in order, each within the budget, and returns each item's outcome in the same
     * order. Anything the work throws, or running past the budget, makes that item's outcome a failure; the items
     * after it are still worked on.
     *
     * @param entry describes an item, for the logs
     */
    @SuppressWarnings("unchecked")
    public <I, R> List<Outcome<R>> runAll(List<I> items, Function<I, String> entry, Function<I, R> work) {
        Outcome<R>[] outcomes = new Outcome[items.size()];
        int from = 0;
        while (from < items.size()) {
            Job<I, R> job = new Job<>(items, work, from, outcomes);
            Future<?> result = workers.submit(job);
            from = supervise(job, result, items, entry, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    /** Waits for the job; returns where the next job starts: past the end when it finished, past a timed-out item. */
    private <I, R> int supervise(Job<I, R> job, Future<?> result, List<I> items, Function<I, String> entry,
            Outcome<R>[] outcomes) {
        try {
            while (true) {
                try {
                    result.get(TICK.toMillis(), TimeUnit.MILLISECONDS);
                    return items.size();
                } catch (TimeoutException e) {
                    int current;
                    String overrun;
                    synchronized (job) {
                        current = job.current();
                        overrun = job.cpuNanos() > budget.toNanos() ? budget + " of CPU time"
                                : job.wallNanos() > wallBudget.toNanos() ? wallBudget + " in all" : null;
                    }
                    if (overrun != null) {
                        giveUp(entry.apply(items.get(current)), job, current, result);
                        outcomes[current] = new Outcome<>(null,
                                new UnprocessableEntryException("timeout: enrichment took longer than " + overrun));
                        return current + 1;
                    }
                }
            }
        } catch (ExecutionException e) {
            // the job's own bookkeeping failed (entries' failures are outcomes): the entry in progress is to blame
            int current = job.current();
            if (current >= items.size()) {
                return current;
            }
            outcomes[current] = new Outcome<>(null,
                    new UnprocessableEntryException("enrichment-failed: " + e.getCause(), e.getCause()));
            return current + 1;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new DependencyRetry.ShuttingDown("enriching a batch of " + items.size() + " entries");
        }
    }

    private void giveUp(String entry, Job<?, ?> job, int current, Future<?> result) {
        timedOut.incrementAndGet();
        Thread left = job.stop(current);
        result.cancel(true);
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
