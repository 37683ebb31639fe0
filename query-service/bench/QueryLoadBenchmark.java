import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Open-loop load benchmark of the query service: each scenario sends requests at a fixed rate whatever the
 * answers' speed, and a request's latency counts from when it was due, so a slow answer is not hidden by the
 * requests it delays (no coordinated omission). Each scenario first runs {@value #WARMUP_SECONDS} s unmeasured at
 * the same rate, so the figures are of a service whose hot paths are compiled and whose database buffers are warm.
 * Only talks to the given local base URL; needs Vert.x on the class path (run.sh passes the service's lib folder).
 *
 * <pre>java QueryLoadBenchmark.java [baseUrl] [requestsPerSecond] [secondsPerScenario] [scenario,...]</pre>
 *
 * Scenarios: {@code listing}, {@code search}, {@code detail}, {@code related}; all of them by default.
 */
public class QueryLoadBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("\"title\":\"([^\"]+)\"");
    private static final Pattern FIRST_SEEN = Pattern.compile("\"firstSeen\":\"([^\"]+)\"");
    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    private static final int WARMUP_SECONDS = 15;
    /**
     * Searches for the generator's most common words (each in a large part of the catalogue): the hard case for
     * relevance, whose pool must not grow with the catalogue. A third of the searches are one of these.
     */
    private static final List<String> COMMON_SEARCHES = List.of("model", "language models", "learning", "training data",
            "neural network", "large language model", "transformer attention", "vision", "reasoning", "diffusion");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18083";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<String> scenarios = Arrays.asList((args.length > 3 ? args[3] : "listing,search,detail,related").split(","));
        URI target = URI.create(base);
        // Vert.x's event-loop client (from the service's own lib folder) costs a few tens of microseconds per
        // request; the JDK's HttpClient took ~2 ms of CPU per request, which on 2 cores is taken from the service
        // being measured.
        HttpClient client = Vertx.vertx().createHttpClient(new HttpClientOptions()
                .setDefaultHost(target.getHost()).setDefaultPort(target.getPort()).setKeepAlive(true)
                .setConnectTimeout(5_000), new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(-1));
        Random random = new Random(42);

        List<String> topics = all(SLUG, get(client, "/topics"));
        List<String> ids = new ArrayList<>();
        List<String> words = new ArrayList<>();
        // sample papers from all over the catalogue's time span, not only the newest
        LocalDate newest = LocalDate.parse(all(FIRST_SEEN, get(client, "/papers?limit=1")).get(0));
        for (int i = 0; i < 30; i++) {
            LocalDate to = newest.minusDays(random.nextInt(1000));
            String page = get(client, "/papers?limit=100&to=" + to);
            ids.addAll(all(ID, page));
            for (String title : all(TITLE, page)) {
                Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                        .filter(w -> w.length() >= 3).forEach(words::add);
            }
        }
        if (ids.isEmpty() || topics.isEmpty()) {
            throw new IllegalStateException("the catalogue at " + base + " is empty; run create-bench-db.sh first");
        }
        System.out.printf("catalogue sample: %d topics, %d paper ids, %d title words, newest paper %s%n",
                topics.size(), ids.size(), words.size(), newest);
        System.out.println("load average before: " + loadAverage());
        System.out.printf("%-14s %8s %7s %9s %8s %8s %8s %8s%n",
                "scenario", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");

        if (scenarios.contains("listing")) {
            run(client, "topic listing", rate, seconds, () -> "/papers?topic=" + pick(random, topics));
        }
        if (scenarios.contains("search")) {
            run(client, "search", rate, seconds, () -> "/papers?q=" + encode(random.nextInt(3) == 0
                    ? pick(random, COMMON_SEARCHES)
                    : pick(random, words) + (random.nextBoolean() ? " " + pick(random, words) : "")));
        }
        if (scenarios.contains("detail")) {
            run(client, "paper detail", rate, seconds, () -> "/papers/" + pick(random, ids));
        }
        if (scenarios.contains("related")) {
            run(client, "related", rate, seconds, () -> "/papers/" + pick(random, ids) + "/related");
        }
        System.out.println("load average after: " + loadAverage());
        System.exit(0);
    }

    private static void run(HttpClient client, String name, int rate, int seconds, Supplier<String> urls)
            throws Exception {
        send(client, rate, WARMUP_SECONDS, urls);
        long started = System.nanoTime();
        Result result = send(client, rate, seconds, urls);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = result.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-14s %8d %7d %9.1f %8.2f %8.2f %8.2f %8.2f%n", name, sorted.length, result.errors.get(),
                sorted.length / elapsed, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    private record Result(ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) {
    }

    private static Result send(HttpClient client, int rate, int seconds, Supplier<String> urls) throws Exception {
        Result result = new Result(new ConcurrentLinkedQueue<>(), new AtomicInteger());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            request(client, urls.get()).onComplete(answer -> {
                result.latencies.add(System.nanoTime() - due);
                if (answer.failed() || answer.result().status() != 200) {
                    result.errors.incrementAndGet();
                }
                done.complete(null);
            });
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((r, e) -> null)
                .get(60, TimeUnit.SECONDS);
        return result;
    }

    /** The machine's load average, to read the figures against: other processes share its cores. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private record Answer(int status, String body) {
    }

    /** One GET with a 30 s timeout; the body is read whole so the connection goes back to the pool. */
    private static Future<Answer> request(HttpClient client, String path) {
        return client.request(HttpMethod.GET, path)
                .compose(request -> request.idleTimeout(30_000).send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())));
    }

    private static String get(HttpClient client, String path) throws Exception {
        Answer answer = request(client, path).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static List<String> all(Pattern pattern, String body) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
