package dev.paperstream.e2e.bench;

import static dev.paperstream.e2e.support.Pipeline.Service.ENRICH;
import static dev.paperstream.e2e.support.Pipeline.Service.INGEST;
import static dev.paperstream.e2e.support.Pipeline.Service.QUERY;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.e2e.support.Pipeline;
import dev.paperstream.events.Topics;

/**
 * The pipeline measured the way users work it: digest pages of real arXiv abstracts POSTed to the ingest service
 * as built, enriched events read from {@code papers-enriched} by a plain consumer, against a real broker and a fresh
 * database. Prints freshness (POST to the digest's last event, first digest after start and 30 warm ones),
 * throughput (first POST to the last event's record timestamp) beside the COPY ceiling of the same rows measured
 * in the same run, ingest's own accepted entries/s and POST latencies, the same with a second enrich instance,
 * and each service's peak RSS. Not a test: run {@code e2e-tests/bench/user-path.sh}.
 */
public final class UserPathBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as curl and most HTTP libraries speak it: a digest ingest has no room for yet waits for room. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOKEN = "bench-" + UUID.randomUUID();
    private static final int FRESHNESS_DIGEST = 104;
    private static final int PER_DIGEST = 1_000;
    private static final int CONCURRENT_POSTS = 4;
    /** A single COPY of 20,000 rows varied from 2,100 to 3,200 rows/s between runs on this 2-core machine. */
    private static final int COPY_RUNS = 3;

    private final List<JsonNode> corpus;
    private final KafkaConsumer<String, String> events;
    private final String ingestUrl;
    private final Map<String, Long> lastEventAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> eventsPerDigest = new ConcurrentHashMap<>();
    private int digestSerial;
    private Map<String, List<Long>> pipelineProcesses = Map.of();

    private UserPathBenchmark(List<JsonNode> corpus, KafkaConsumer<String, String> events, String ingestUrl) {
        this.corpus = corpus;
        this.events = events;
        this.ingestUrl = ingestUrl;
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path projectDir = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        Path sharedDir = Path.of(args.length > 2 ? args[2] : projectDir.resolve("../shared").toString());
        List<JsonNode> corpus = corpus(sharedDir.resolve("corpus/arxiv-listings"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        Pipeline.Builder builder = Pipeline.named("paperstream_userpath").projectDir(projectDir).tokens(TOKEN)
                .services(ENRICH, INGEST, QUERY).readyWithin(Duration.ofMinutes(2));
        // e.g. -Dbench.enrich.java-options=-XX:StartFlightRecording=filename=/tmp/enrich-%p.jfr,settings=profile
        for (Pipeline.Service service : List.of(ENRICH, INGEST, QUERY)) {
            String options = System.getProperty("bench." + service.name().toLowerCase(Locale.ROOT) + ".java-options");
            if (options != null) {
                builder.env(service, "JAVA_TOOL_OPTIONS", options);
            }
        }
        try (Pipeline pipeline = builder.start();
                KafkaConsumer<String, String> consumer = pipeline.consumer(Topics.PAPERS_ENRICHED,
                        Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000))) {
            UserPathBenchmark bench = new UserPathBenchmark(corpus, consumer, pipeline.baseUrl(INGEST));
            bench.run(total, pipeline);
            System.out.println();
            for (ServiceProcess s : pipeline.services()) {
                System.out.printf("peak RSS %-22s %s%n", s.name(), peakRss(s));
            }
            System.out.printf("logs                          %s%n", pipeline.work());
        }
    }

    private void run(int total, Pipeline pipeline) throws Exception {
        events.poll(Duration.ofMillis(200));
        pipelineProcesses = CpuUse.processes(pipeline);

        System.out.println("== freshness: POST of a 104-entry digest page to its last enriched event");
        Freshness first = freshness();
        System.out.printf("first digest after start     %,6d ms  (ingest answered the POST in %,d ms)%n", first.lastEvent(),
                first.answered());
        for (int i = 0; i < 5; i++) {
            freshness();
        }
        long[] warm = new long[30];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = freshness().lastEvent();
        }
        Arrays.sort(warm);
        System.out.printf("warm, 30 digests             p50 %,d ms  p99 %,d ms  max %,d ms%n",
                percentile(warm, 50), percentile(warm, 99), warm[warm.length - 1]);

        System.out.printf("%n== throughput: %,d entries as %d-entry pages, %d POSTs at a time, one enrich instance%n",
                total, PER_DIGEST, CONCURRENT_POSTS);
        double one = throughput(total, "a");
        double[] copies = new double[COPY_RUNS];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = copyCeiling(pipeline.database(), total);
        }
        String each = Arrays.stream(copies).mapToObj(c -> String.format("%,.0f", c)).collect(Collectors.joining(" / "));
        Arrays.sort(copies);
        double ceiling = copies[copies.length / 2];
        System.out.printf("COPY ceiling                 %,8.0f rows/s (median of %s; same rows, same stored search vector + GIN, same server)%n",
                ceiling, each);
        System.out.printf("ratio                        %8.2f%n", one / ceiling);

        pipeline.addInstance(ENRICH);
        pipelineProcesses = CpuUse.processes(pipeline);
        System.out.printf("%n== throughput: %,d entries, two enrich instances%n", total);
        double two = throughput(total, "b");
        System.out.printf("one vs two enrich instances  %,.0f vs %,.0f entries/s%n", one, two);
    }

    /** Milliseconds from a POST to its answer and to the timestamp of the digest's last event. */
    private record Freshness(long answered, long lastEvent) {
    }

    /** POSTs one new 104-entry digest and waits for its events. */
    private Freshness freshness() throws Exception {
        int serial = digestSerial++;
        String page = page(serial, FRESHNESS_DIGEST, "");
        long postedAt = System.currentTimeMillis();
        Receipt receipt = post(page, serial);
        awaitEvents(Map.of(receipt.digestId, FRESHNESS_DIGEST), Duration.ofMinutes(2));
        return new Freshness(receipt.millis, lastEventAt.get(receipt.digestId) - postedAt);
    }

    private double throughput(int total, String variant) throws Exception {
        int digests = total / PER_DIGEST;
        CpuUse cpu = CpuUse.start(pipelineProcesses);
        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        long firstPost = System.currentTimeMillis();
        ExecutorService posters = Executors.newFixedThreadPool(CONCURRENT_POSTS);
        try {
            List<Future<Receipt>> receipts = new ArrayList<>();
            for (int d = 0; d < digests; d++) {
                int serial = digestSerial++;
                String page = page(serial, PER_DIGEST, " " + variant + serial);
                receipts.add(posters.submit(() -> post(page, serial)));
            }
            long lastAccepted = firstPost;
            for (Future<Receipt> f : receipts) {
                Receipt r = f.get();
                expected.put(r.digestId, r.entries);
                latencies.add(r.millis);
                lastAccepted = Math.max(lastAccepted, r.acceptedAt);
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("ingest accepted              %,8.0f entries/s  POST p50 %,d ms  p99 %,d ms  max %,d ms%n",
                    total * 1000.0 / Math.max(1, lastAccepted - firstPost), percentile(sorted, 50),
                    percentile(sorted, 99), sorted[sorted.length - 1]);
        } finally {
            posters.shutdown();
        }
        awaitEvents(expected, Duration.ofMinutes(30));
        long lastEvent = expected.keySet().stream().mapToLong(lastEventAt::get).max().orElseThrow();
        double rate = total * 1000.0 / (lastEvent - firstPost);
        System.out.printf("pipeline                     %,8.0f entries/s  (first POST to the last event: %.1f s)%n",
                rate, (lastEvent - firstPost) / 1000.0);
        cpu.print(total);
        return rate;
    }

    /** A digest page of {@code count} real papers (its date goes in the query), titles suffixed to make papers new. */
    private String page(int serial, int count, String suffix) {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < count; i++) {
            JsonNode paper = corpus.get(Math.floorMod(serial * 131 + i, corpus.size()));
            page.append(oneLine(paper.get("title").asText())).append(suffix).append("\n\n")
                    .append(oneLine(paper.get("abstract").asText())).append("\n\n");
        }
        return page.toString();
    }

    private Receipt post(String page, int serial) throws IOException, InterruptedException {
        long started = System.currentTimeMillis();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                ingestUrl + "/digests?date=" + LocalDate.of(2026, 1, 1).plusDays(serial)))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(page)).build(), HttpResponse.BodyHandlers.ofString());
        long done = System.currentTimeMillis();
        if (response.statusCode() == 503) {
            // busy or a dependency down: as a client should, wait as told and send the same digest again
            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            Receipt again = post(page, serial);
            return new Receipt(again.digestId, again.entries, again.acceptedAt - started, again.acceptedAt);
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /digests answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode receipt = JSON.readTree(response.body());
        return new Receipt(receipt.get("digestId").asText(), receipt.get("entries").asInt(), done - started, done);
    }

    private void awaitEvents(Map<String, Integer> expected, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (expected.entrySet().stream().anyMatch(e -> eventsPerDigest.getOrDefault(e.getKey(), 0) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events missing after " + timeout + ": " + expected.keySet().stream()
                        .map(d -> d + " " + eventsPerDigest.getOrDefault(d, 0) + "/" + expected.get(d)).toList());
            }
            for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(20))) {
                String id = digestId(record.value());
                if (id != null) {
                    eventsPerDigest.merge(id, 1, Integer::sum);
                    lastEventAt.merge(id, record.timestamp(), Math::max);
                }
            }
        }
    }

    /**
     * The event's {@code digest.id}, else null. Read with the streaming parser, skipping every other field unbuilt:
     * the benchmark's CPU competes with the pipeline's, and a tree of each whole event cost more than the rest of it.
     * A value that is not one JSON object fails, as reading the tree did.
     */
    static String digestId(String event) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an event that is no JSON object: " + event);
            }
            String id = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("digest") && value == JsonToken.START_OBJECT) {
                    id = idField(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return id;
        }
    }

    /** The {@code id} of the object the parser has just entered, leaving the parser at its end. */
    private static String idField(JsonParser parser) throws IOException {
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("id")) {
                id = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("an event's digest without an id");
        }
        return id;
    }

    /** The same rows COPYed into a new table with the catalogue's stored search vector and GIN index. */
    private double copyCeiling(TestDatabase db, int total) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists copy_ceiling");
                s.execute("""
                        create table copy_ceiling (id text primary key, title text not null, abstract text not null,
                          search tsvector generated always as (setweight(to_tsvector('english', title), 'A') ||
                                                              setweight(to_tsvector('english', abstract), 'B')) stored)""");
                s.execute("create index copy_ceiling_search on copy_ceiling using gin (search)");
            }
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < total; i++) {
                JsonNode paper = corpus.get(Math.floorMod(i, corpus.size()));
                rows.append("row-").append(i).append('\t').append(escape(oneLine(paper.get("title").asText()) + " c" + i))
                        .append('\t').append(escape(oneLine(paper.get("abstract").asText()))).append('\n');
            }
            long started = System.nanoTime();
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy copy_ceiling (id, title, abstract) from stdin", new StringReader(rows.toString()));
            return total / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static List<JsonNode> corpus(Path listings) throws IOException {
        List<JsonNode> papers = new ArrayList<>();
        try (var days = Files.list(listings)) {
            for (Path day : days.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(day)) {
                    if (!line.isBlank()) {
                        papers.add(JSON.readTree(line));
                    }
                }
            }
        }
        return papers;
    }

    private static String peakRss(ServiceProcess service) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown (exited)";
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private record Receipt(String digestId, int entries, long millis, long acceptedAt) {
    }
}
