package dev.paperstream.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logging.Logger;

/**
 * What a service does at start-up so that the first request or record does not wait for it: named steps run in
 * order on a daemon thread, beside the start-up, which they must not hold up. Readiness reports {@link #pending()}
 * until they are done. A step that needs the database or the broker is tried again every half second until it
 * succeeds: the requests and records it prepares for wait for the same dependencies. A rehearsal of the work itself
 * runs once: when it fails, only the first request is slower.
 */
public final class WarmUpSteps {

    private static final Logger LOG = Logger.getLogger(WarmUpSteps.class);
    private static final long RETRY_PAUSE_MS = 500;
    /** A dependency still unreachable after this many attempts (10 s) is worth a warning, and every 10 s after. */
    private static final int WARN_EVERY = 20;

    /**
     * @param description what readiness says it waits for while the step runs
     * @param untilDone   whether a failure is waited out; otherwise the step is a rehearsal, tried once and skipped
     *                    with a warning when it fails, so that a fault in it never keeps the service unready
     */
    public record Step(String description, boolean untilDone, Runnable action) {

        /** A step needing the database or the broker, waited for until they answer. */
        public static Step untilDone(String description, Runnable action) {
            return new Step(description, true, action);
        }

        /** A step worth doing once, whose failure costs only the first request's speed. */
        public static Step once(String description, Runnable action) {
            return new Step(description, false, action);
        }
    }

    private final String threadName;
    private final List<Step> steps;
    private volatile Optional<String> pending = Optional.of("not started");
    private final List<String> skipped = new CopyOnWriteArrayList<>();

    public WarmUpSteps(String threadName, List<Step> steps) {
        this.threadName = threadName;
        this.steps = List.copyOf(steps);
    }

    public void start() {
        Thread thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The step still running, empty once every step is done. */
    public Optional<String> pending() {
        return pending;
    }

    /** The steps that failed and were skipped: the service is ready, its first request only slower. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void run() {
        long started = System.nanoTime();
        for (Step step : steps) {
            pending = Optional.of(step.description());
            if (!(step.untilDone() ? runUntilDone(step) : runOnce(step))) {
                return;
            }
        }
        pending = Optional.empty();
        LOG.infof("warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Whatever the step throws, errors included, only skips it: a rehearsal must never keep the service unready. */
    private boolean runOnce(Step step) {
        try {
            step.action().run();
        } catch (Throwable e) {
            LOG.warnf(e, "warm-up step \"%s\" failed and is skipped", step.description());
            skipped.add(step.description());
        }
        return true;
    }

    /** False when interrupted before the step succeeded. */
    private static boolean runUntilDone(Step step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.action().run();
                return true;
            } catch (RuntimeException e) {
                if (attempt % WARN_EVERY == 0) {
                    LOG.warnf("warm-up step \"%s\" still fails after %d attempts, trying again: %s", step.description(),
                            attempt, e);
                } else {
                    LOG.debugf("warm-up step \"%s\" failed, trying again: %s", step.description(), e);
                }
                try {
                    Thread.sleep(RETRY_PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
