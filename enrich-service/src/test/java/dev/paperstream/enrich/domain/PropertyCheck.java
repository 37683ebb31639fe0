package dev.paperstream.enrich.domain;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Runs a property over generated inputs: each input is checked, each call is timed against a budget that grows
 * with the input's length, and a failing input is shrunk (pieces cut out while it still fails the same way) and
 * reported as a Java literal to add to the corpus of counter-examples ({@code hostile-texts.txt}).
 * <p>
 * Budget: {@value #BUDGET_CONSTANT_MILLIS} ms plus {@value #BUDGET_MILLIS_PER_10K_CHARS} ms per 10,000 characters
 * per call, a hundred times what the scanners need on a loaded 2-core machine, and far below what a quadratic scan
 * of 100 kB needs (seconds). A call over budget is tried twice more before it fails, so a garbage collection or a
 * busy neighbour does not fail the build; a call that does not end is stopped at twice its budget.
 * <p>
 * Seeds are random per run and printed with any failure; {@code -Dpaperstream.property.seed=N} replays one.
 */
final class PropertyCheck {

    static final long BUDGET_CONSTANT_MILLIS = 100;
    static final long BUDGET_MILLIS_PER_10K_CHARS = 50;
    private static final int ATTEMPTS = 3;
    private static final int MAX_SHRINK_STEPS = 3_000;

    private static ExecutorService worker = newWorker();

    private PropertyCheck() {
    }

    /** The time a call on {@code chars} characters may take. */
    static long budgetMillis(int chars) {
        return BUDGET_CONSTANT_MILLIS + BUDGET_MILLIS_PER_10K_CHARS * chars / 10_000;
    }

    /** Runs {@code property} on {@code tries} inputs from {@code generator}; fails with the shrunk counter-example. */
    static void forAll(String name, int tries, Function<SplittableRandom, String> generator, Consumer<String> property) {
        String configured = System.getProperty("paperstream.property.seed");
        long seed = configured != null ? Long.parseLong(configured) : System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            String input = generator.apply(random);
            Throwable failure = failureOf(property, input);
            if (failure instanceof OverBudget) {
                throw new AssertionError(String.format("%s: over budget on try %d with seed %d, input of %d chars starting %s",
                        name, i, seed, input.length(), literal(input.substring(0, Math.min(200, input.length())))), failure);
            }
            if (failure != null) {
                String shrunk = shrink(input, property, failure.getClass());
                throw new AssertionError(String.format(
                        "%s failed on try %d with seed %d; shrunk counter-example (add it to hostile-texts.txt):%n%s%n",
                        name, i, seed, literal(shrunk)), failureOf(property, shrunk));
            }
        }
    }

    /** Calls {@code call} on an input of {@code chars} characters within its budget; its own exceptions pass through. */
    static <T> T withinBudget(int chars, Callable<T> call) {
        long budget = budgetMillis(chars);
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long[] elapsed = new long[1];
            Future<T> future = worker.submit(() -> {
                long start = System.nanoTime();
                T result = call.call();
                elapsed[0] = System.nanoTime() - start;
                return result;
            });
            try {
                T result = future.get(2 * budget, TimeUnit.MILLISECONDS);
                if (elapsed[0] <= TimeUnit.MILLISECONDS.toNanos(budget)) {
                    return result;
                }
                fastest = Math.min(fastest, TimeUnit.NANOSECONDS.toMillis(elapsed[0]));
            } catch (TimeoutException e) {
                future.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                fastest = Math.min(fastest, 2 * budget);
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
        throw new OverBudget("took at least " + fastest + " ms on " + chars + " chars, budget " + budget + " ms");
    }

    /** The corpus of shrunk counter-examples: one Java-escaped string per line, {@code #} starts a comment. */
    static List<String> corpus() {
        try (InputStream in = Objects.requireNonNull(PropertyCheck.class.getResourceAsStream("/hostile-texts.txt"))) {
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

    private static Throwable failureOf(Consumer<String> property, String input) {
        try {
            property.accept(input);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** Cuts pieces out of the input, halves first, while it still fails with the same kind of failure. */
    private static String shrink(String input, Consumer<String> property, Class<?> kind) {
        String current = input;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (int chunk = Math.max(1, current.length() / 2); chunk >= 1 && steps < MAX_SHRINK_STEPS; chunk /= 2) {
                for (int at = 0; at + chunk <= current.length() && steps < MAX_SHRINK_STEPS; steps++) {
                    String candidate = current.substring(0, at) + current.substring(at + chunk);
                    Throwable failure = failureOf(property, candidate);
                    if (failure != null && failure.getClass() == kind) {
                        current = candidate;
                        progress = true;
                    } else {
                        at += chunk;
                    }
                }
            }
        }
        return current;
    }

    /** The text as a Java string literal body: printable ASCII as is, everything else escaped. */
    static String literal(String text) {
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
    static final class OverBudget extends AssertionError {
        OverBudget(String message) {
            super(message);
        }
    }
}
