package dev.paperstream.devstack.property;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a property over generated inputs: each input is checked, each call is timed against a budget that grows
 * with the input's length, and a failing input is shrunk (pieces cut out while it still fails the same way) and
 * reported as Java literals to add to the module's reproducers.
 * <p>
 * Budgets count the CPU time of the thread making the call, so time spent waiting for a core that other builds
 * hold does not fail a property, while a scan quadratic in its input still blows any budget on 100 kB. A call
 * over budget is tried twice more before it fails, so a garbage collection does not fail the build; a call that
 * does not end is stopped after {@value #HANG_FACTOR} times its budget of wall time.
 * <p>
 * Seeds are random per run and printed with any failure; {@code -Dpaperstream.property.seed=N} replays one.
 */
public final class PropertyCheck {

    /**
     * A hundred times what the text scanners need on a loaded 2-core machine, and far below what a quadratic scan
     * of 100 kB needs (seconds).
     */
    public static final Budget DEFAULT_BUDGET = new Budget(100, 50);

    private static final int ATTEMPTS = 3;
    private static final int MAX_SHRINK_STEPS = 3_000;
    private static final int HANG_FACTOR = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static ExecutorService worker = newWorker();

    private PropertyCheck() {
    }

    /** CPU time a call may take: {@code constantMillis} plus {@code millisPer10kChars} per 10,000 characters. */
    public record Budget(long constantMillis, long millisPer10kChars) {

        public long millis(int chars) {
            return constantMillis + millisPer10kChars * chars / 10_000;
        }
    }

    /** The time a call on {@code chars} characters may take under {@link #DEFAULT_BUDGET}. */
    public static long budgetMillis(int chars) {
        return DEFAULT_BUDGET.millis(chars);
    }

    /** Runs {@code property} on {@code tries} inputs from {@code generator}; fails with the shrunk counter-example. */
    public static void forAll(String name, int tries, Function<SplittableRandom, String> generator,
            Consumer<String> property) {
        forAll(name, tries, 1, generator, inputs -> property.accept(inputs.get(0)));
    }

    /**
     * Runs {@code property} on {@code tries} lists of {@code arity} independent inputs from {@code generator};
     * fails with the counter-example shrunk one input after the other.
     */
    public static void forAll(String name, int tries, int arity, Function<SplittableRandom, String> generator,
            Consumer<List<String>> property) {
        String configured = System.getProperty("paperstream.property.seed");
        long seed = configured != null ? Long.parseLong(configured) : System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            List<String> inputs = new ArrayList<>(arity);
            for (int n = 0; n < arity; n++) {
                inputs.add(generator.apply(random));
            }
            Throwable failure = failureOf(property, inputs);
            if (failure instanceof OverBudget) {
                throw new AssertionError(String.format("%s: over budget on try %d with seed %d, inputs:%n%s", name, i,
                        seed, describe(inputs, 200)), failure);
            }
            if (failure != null) {
                List<String> shrunk = shrink(inputs, property, failure.getClass());
                throw new AssertionError(String.format(
                        "%s failed on try %d with seed %d; shrunk counter-example (add it to the reproducers):%n%s%n",
                        name, i, seed, describe(shrunk, Integer.MAX_VALUE)), failureOf(property, shrunk));
            }
        }
    }

    /** Calls {@code call} on {@code chars} characters within {@link #DEFAULT_BUDGET}; its exceptions pass through. */
    public static <T> T withinBudget(int chars, Callable<T> call) {
        return withinBudget(DEFAULT_BUDGET, chars, call);
    }

    /** Calls {@code call} on {@code chars} characters within {@code budget}; its own exceptions pass through. */
    public static <T> T withinBudget(Budget budget, int chars, Callable<T> call) {
        long allowed = budget.millis(chars);
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long[] cpu = new long[1];
            Future<T> future = worker.submit(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                T result = call.call();
                cpu[0] = THREADS.getCurrentThreadCpuTime() - start;
                return result;
            });
            try {
                T result = future.get(HANG_FACTOR * allowed, TimeUnit.MILLISECONDS);
                if (cpu[0] <= TimeUnit.MILLISECONDS.toNanos(allowed)) {
                    return result;
                }
                fastest = Math.min(fastest, TimeUnit.NANOSECONDS.toMillis(cpu[0]));
            } catch (TimeoutException e) {
                future.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                fastest = Math.min(fastest, HANG_FACTOR * allowed);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new OverBudget("took at least " + fastest + " ms on " + chars + " chars, budget " + allowed + " ms");
    }

    /** A corpus of shrunk counter-examples on the class path: one Java-escaped string per line, {@code #} a comment. */
    public static List<String> corpus(String resource) {
        try (InputStream in = Objects.requireNonNull(PropertyCheck.class.getResourceAsStream(resource), resource)) {
            List<String> texts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.add(unescape(line));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as a Java string literal body: printable ASCII as is, everything else escaped. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static String describe(List<String> inputs, int maxChars) {
        return inputs.stream()
                .map(input -> input.length() + " chars: " + literal(input.substring(0, Math.min(maxChars, input.length()))))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static Throwable failureOf(Consumer<List<String>> property, List<String> inputs) {
        try {
            property.accept(inputs);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /**
     * Cuts pieces out of each input in turn, halves first, while the inputs still fail with the same kind of
     * failure; one step budget for all inputs, so a slow property cannot stall the report.
     */
    private static List<String> shrink(List<String> inputs, Consumer<List<String>> property, Class<?> kind) {
        List<String> current = new ArrayList<>(inputs);
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (int n = 0; n < current.size(); n++) {
                String input = current.get(n);
                for (int chunk = Math.max(1, input.length() / 2); chunk >= 1 && steps < MAX_SHRINK_STEPS; chunk /= 2) {
                    for (int at = 0; at + chunk <= input.length() && steps < MAX_SHRINK_STEPS; steps++) {
                        List<String> candidate = new ArrayList<>(current);
                        candidate.set(n, input.substring(0, at) + input.substring(at + chunk));
                        Throwable failure = failureOf(property, candidate);
                        if (failure != null && failure.getClass() == kind) {
                            current = candidate;
                            input = candidate.get(n);
                            progress = true;
                        } else {
                            at += chunk;
                        }
                    }
                }
            }
        }
        return current;
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (line.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(line.charAt(++i));
            }
        }
        return out.toString();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "property-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A call that stayed over its time budget on every attempt. */
    public static final class OverBudget extends AssertionError {
        OverBudget(String message) {
            super(message);
        }
    }
}
