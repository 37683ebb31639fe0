package dev.paperstream.http;

import java.util.List;
import java.util.Optional;

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

    private void run() {
        long started = System.nanoTime();
        for (Step step : steps) {
            pending = Optional.of(step.description());
            if (!runUntilDone(step)) {
                return;
            }
        }
        pending = Optional.empty();
        LOG.infof("warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** False when interrupted before the step succeeded. */
    private static boolean runUntilDone(Step step) {
        while (true) {
            try {
                step.action().run();
                return true;
            } catch (RuntimeException e) {
                if (!step.untilDone()) {
                    LOG.warnf(e, "warm-up step \"%s\" failed and is skipped", step.description());
                    return true;
                }
                LOG.debugf("warm-up step \"%s\" failed, trying again: %s", step.description(), e);
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
