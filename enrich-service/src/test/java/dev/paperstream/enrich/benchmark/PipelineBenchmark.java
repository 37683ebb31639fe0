package dev.paperstream.enrich.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import dev.paperstream.devstack.KafkaBroker;
import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.enrich.support.SampleDigest;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;

/**
 * Pushes 100,000 entries (100 digests of 1,000 paper-like entries built from the sample digest's texts) through a
 * real broker, the enrich service running from its built jar, and a fresh database; prints entries/s, the time to
 * the last event and the service's peak memory, then the COPY ceiling of the same rows into a table with a stored
 * text-search vector and GIN index on the same server. Not a test: run it with the command in the README.
 */
public final class PipelineBenchmark {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perDigest = 1_000;
        Path projectDir = Path.of(args.length > 1 ? args[1] : "..").toAbsolutePath().normalize();
        List<SampleDigest.Entry> texts = SampleDigest.entries();
        Path work = Files.createTempDirectory("paperstream-bench-");
        // Ctrl-C ends the JVM without leaving the broker and service processes behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        try (KafkaBroker broker = KafkaBroker.startFresh(work.resolve("kafka"));
                TestDatabase db = TestDatabase.create("paperstream_bench")) {
            broker.createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl() + "?reWriteBatchedInserts=true",
                    "QUARKUS_DATASOURCE_USERNAME", db.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                    "PAPERSTREAM_API_TOKENS", "bench-token");
            int port = 18_082;
            try (ServiceProcess service = ServiceProcess.start(projectDir, "enrich-service", port, env,
                    work.resolve("enrich-service.log")).awaitReady(Duration.ofMinutes(2));
                    KafkaConsumer<String, String> events = consumer(broker)) {
                events.poll(Duration.ofMillis(500));
                Instant start = Instant.now();
                try (KafkaProducer<String, String> producer = producer(broker)) {
                    for (int i = 0; i < total; i++) {
                        DigestEntryV1 entry = entry(texts, i, perDigest, total);
                        producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, entry.paperId(), KafkaClients.json(entry)));
                    }
                }
                Duration produced = Duration.between(start, Instant.now());
                long received = 0;
                Instant last = start;
                Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
                while (received < total && Instant.now().isBefore(deadline)) {
                    ConsumerRecords<String, String> batch = events.poll(Duration.ofMillis(500));
                    if (!batch.isEmpty()) {
                        received += batch.count();
                        last = Instant.now();
                    }
                }
                Duration elapsed = Duration.between(start, last);
                System.out.printf("%nentries produced           %,d in %.1f s%n", total, produced.toMillis() / 1000.0);
                System.out.printf("events received            %,d%n", received);
                System.out.printf("time to the last event     %.1f s%n", elapsed.toMillis() / 1000.0);
                System.out.printf("pipeline throughput        %,.0f entries/s%n", received * 1000.0 / Math.max(1, elapsed.toMillis()));
                System.out.printf("service peak memory (RSS)  %s%n", peakRss());
                System.out.printf("service log                %s%n", service.log());
            }
            System.out.printf("COPY ceiling               %,.0f rows/s (same rows, stored tsvector + GIN, same server)%n",
                    copyCeiling(db, texts, total, perDigest));
        }
    }

    static DigestEntryV1 entry(List<SampleDigest.Entry> texts, int i, int perDigest, int total) {
        SampleDigest.Entry text = texts.get(i % texts.size());
        int digest = i / perDigest;
        return Entries.entry("bench-" + digest, LocalDate.of(2026, 1, 1).plusDays(digest), i % perDigest + 1,
                Math.min(perDigest, total - digest * perDigest), text.title() + " (variant " + i + ")",
                text.abstractText() + " Variant " + i + ".");
    }

    private static double copyCeiling(TestDatabase db, List<SampleDigest.Entry> texts, int total, int perDigest)
            throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create table copy_ceiling (id text primary key, title text not null, abstract text not null,
                          search tsvector generated always as (setweight(to_tsvector('english', title), 'A') ||
                                                              setweight(to_tsvector('english', abstract), 'B')) stored)""");
                s.execute("create index copy_ceiling_search on copy_ceiling using gin (search)");
            }
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < total; i++) {
                DigestEntryV1 e = entry(texts, i, perDigest, total);
                rows.append(e.paperId()).append('\t').append(escape(e.title())).append('\t')
                        .append(escape(e.abstractText())).append('\n');
            }
            long started = System.nanoTime();
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy copy_ceiling (id, title, abstract) from stdin", new StringReader(rows.toString()));
            return total / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Peak resident memory of the service process, read from /proc (Linux). */
    private static String peakRss() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("enrich-service/target/quarkus-app/quarkus-run.jar"))
                .findFirst()
                .map(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
                    } catch (IOException e) {
                        return "unknown";
                    }
                }).orElse("unknown");
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.PAPERS_ENRICHED));
        return consumer;
    }

    private PipelineBenchmark() {
    }
}
