package dev.paperstream.ingest.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.paperstream.devstack.FreePorts;
import dev.paperstream.devstack.KafkaBroker;
import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.events.Topics;

/**
 * Load client for {@code POST /digests}: posts 1,000-entry digest pages and prints the entries accepted per second
 * and the p50/p99 POST latency. Not a test; run it as the README says. Without arguments it starts a real Kafka
 * broker, a database of its own and the built service jar; with {@code <baseUrl> <token>} it loads a running service.
 * <p>
 * Arguments (all optional): {@code digests=40 concurrency=4 entries=1000 [baseUrl token]}.
 */
public final class IngestLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int digests = intArg(args, "digests", 40);
        int concurrency = intArg(args, "concurrency", 4);
        int entries = intArg(args, "entries", 1000);
        List<String> target = new ArrayList<>();
        for (String arg : args) {
            if (!arg.contains("=")) {
                target.add(arg);
            }
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            String baseUrl;
            String token;
            if (target.size() == 2) {
                baseUrl = target.get(0);
                token = target.get(1);
            } else {
                token = "bench-" + UUID.randomUUID();
                baseUrl = startStack(token, started);
            }
            run(baseUrl, token, digests, concurrency, entries);
        } finally {
            Collections.reverse(started);
            for (AutoCloseable resource : started) {
                resource.close();
            }
        }
    }

    private static String startStack(String token, List<AutoCloseable> started) throws Exception {
        Path work = Files.createTempDirectory("paperstream-ingest-bench-");
        KafkaBroker broker = KafkaBroker.startFresh(work.resolve("kafka"));
        started.add(broker);
        broker.createTopics(3, Topics.DIGEST_ENTRIES);
        TestDatabase database = TestDatabase.create("ingest_bench");
        started.add(database);
        Path projectDir = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath();
        int port = FreePorts.next();
        ServiceProcess service = ServiceProcess.start(projectDir, "ingest-service", port, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "PAPERSTREAM_API_TOKENS", token), work.resolve("ingest-service.log"));
        started.add(service);
        service.awaitReady(Duration.ofMinutes(2));
        System.out.printf("started broker %s, database %s, ingest-service %s (log %s)%n", broker.bootstrapServers(),
                database.name(), service.baseUrl(), service.log());
        return service.baseUrl();
    }

    private static void run(String baseUrl, String token, int digests, int concurrency, int entries) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            post(http, baseUrl, token, page(run, "warmup-" + i, entries));
        }
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < digests; i++) {
            pages.add(page(run, "digest-" + i, entries));
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<Long>> latencies = new ArrayList<>();
        for (byte[] page : pages) {
            latencies.add(pool.submit(() -> post(http, baseUrl, token, page)));
        }
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> latency : latencies) {
            nanos.add(latency.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(nanos);
        System.out.printf("%d digests x %d entries, %d concurrent POSTs, %.1f s: %.0f entries/s accepted, "
                + "%.1f digests/s; POST latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                digests, entries, concurrency, seconds, digests * (double) entries / seconds, digests / seconds,
                percentile(nanos, 50), percentile(nanos, 99), nanos.get(nanos.size() - 1) / 1e6);
    }

    private static long post(HttpClient http, String baseUrl, String token, byte[] page) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/digests?date=2024-03-14"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(page)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    /** A digest page of unique papers with abstracts of about 1,000 characters, as real ones are. */
    private static byte[] page(String run, String digest, int entries) {
        StringBuilder page = new StringBuilder("Mar 14\n\n");
        for (int i = 0; i < entries; i++) {
            page.append("Benchmark Paper ").append(i).append(" of ").append(digest).append(" in run ").append(run)
                    .append(": Efficient Adapters for Language Models\n\n");
            for (int s = 0; s < 7; s++) {
                page.append("We study low-rank adapters for large language models and report results on many ")
                        .append("benchmarks with fewer trainable parameters (sentence ").append(s).append("). ");
            }
            page.append("Code: https://github.com/example/bench-").append(i).append("\n\n");
        }
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
