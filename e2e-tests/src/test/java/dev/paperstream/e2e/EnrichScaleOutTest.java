package dev.paperstream.e2e;

import static dev.paperstream.e2e.support.Pipeline.Service.ENRICH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.paperstream.devstack.KafkaBroker;
import dev.paperstream.devstack.ServiceProcess;
import dev.paperstream.devstack.TestDatabase;
import dev.paperstream.e2e.support.Pipeline;
import dev.paperstream.events.Topics;

/**
 * Two enrich instances share {@code digest-entries} (3 partitions) through their consumer group; one of them is
 * killed with SIGKILL while 10,000 entries of real papers are being enriched. The survivor must take its
 * partitions over and finish: every entry enriched, no paper, appearance or topic row twice, and every appearance
 * announced by exactly one event id ({@code ce_id}) however often a redelivery re-sends it.
 */
class EnrichScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIGESTS = 10;
    private static final int PER_DIGEST = 1_000;
    private static final int ENTRIES = DIGESTS * PER_DIGEST;
    /** Each digest starts this many corpus papers after the previous one, so most papers appear in several. */
    private static final int STRIDE = 400;

    @Test
    void killingOneOfTwoInstancesMidRunLosesAndDoublesNothing() throws Exception {
        CorpusPapers corpus = CorpusPapers.load();
        // Generous for a loaded machine: a start takes about 10 s on a quiet one.
        try (Pipeline pipeline = Pipeline.named("paperstream_scaleout").instances(ENRICH, 2)
                        .readyWithin(Duration.ofMinutes(5)).start();
                ConsumerGroup group = new ConsumerGroup(pipeline.broker().bootstrapServers(), "enrich-service",
                        Topics.DIGEST_ENTRIES)) {
            KafkaBroker broker = pipeline.broker();
            TestDatabase db = pipeline.database();
            ServiceProcess doomed = pipeline.instances(ENRICH).get(0);
            ServiceProcess survivor = pipeline.instances(ENRICH).get(1);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> group.assignment().size() == 2
                            && group.assignment().values().stream().allMatch(p -> !p.isEmpty()));

            Map<String, LocalDate> earliestDate = produceEntries(broker, corpus);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(db, "select count(*) from appearance") >= ENTRIES / 4);
            Map<String, Set<TopicPartition>> owners = group.assignment();
            doomed.kill();
            long killedAt = System.nanoTime();
            long atKill = count(db, "select count(*) from appearance");
            Map<TopicPartition, Long> committedAtKill = group.committed();
            Map<TopicPartition, Long> ends = group.endOffsets();

            // Taken over: the member left standing owns every partition, the killed instance's included.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Map<String, Set<TopicPartition>> now = group.assignment();
                        return now.size() == 1 && now.values().iterator().next().size() == 3;
                    });
            double takeOver = (System.nanoTime() - killedAt) / 1e9;
            // The killed instance's partitions are those the member left standing did not own before the kill.
            String survivorMember = group.assignment().keySet().iterator().next();
            Set<TopicPartition> orphaned = new HashSet<>();
            owners.forEach((member, partitions) -> {
                if (!member.equals(survivorMember)) {
                    orphaned.addAll(partitions);
                }
            });
            Set<TopicPartition> unfinished = new HashSet<>(orphaned);
            unfinished.removeIf(p -> committedAtKill.getOrDefault(p, 0L) >= ends.get(p));
            assertThat(unfinished).as("partitions the killed instance left unfinished").isNotEmpty();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Map<TopicPartition, Long> now = group.committed();
                        return unfinished.stream().allMatch(p -> now.getOrDefault(p, 0L) > committedAtKill.getOrDefault(p, 0L));
                    });
            double progress = (System.nanoTime() - killedAt) / 1e9;

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(count(db, "select count(*) from appearance")).isEqualTo(ENTRIES));
            System.out.printf("scale-out: instance killed at %,d of %,d appearances with %s unfinished; the survivor "
                    + "owned every partition %.1f s after the kill, committed on the orphaned ones %.1f s after it "
                    + "and finished %.1f s after it%n", atKill, ENTRIES, unfinished, takeOver, progress,
                    (System.nanoTime() - killedAt) / 1e9);
            assertThat(atKill).as("the kill came before the run ended").isLessThan(ENTRIES);
            assertThat(survivor.isAlive()).isTrue();

            assertCatalogueHoldsEveryEntryOnce(db, earliestDate);
            assertEveryAppearanceHasExactlyOneEventId(pipeline, earliestDate.keySet());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(group.committed()).as("offsets committed to the end")
                            .isEqualTo(group.endOffsets()));
            // The session timeout (10 s) and one rebalance.
            assertThat(takeOver).as("seconds from the kill until the survivor owned the killed instance's partitions")
                    .isLessThanOrEqualTo(15.0);
        }
    }

    /**
     * Produces the 10,000 entries, each digest a run of distinct corpus papers, and answers each paper's earliest
     * digest date; fails unless the broker acknowledged every one.
     */
    private static Map<String, LocalDate> produceEntries(KafkaBroker broker, CorpusPapers corpus) throws Exception {
        Map<String, LocalDate> earliest = new HashMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new StringSerializer())) {
            for (int d = 0; d < DIGESTS; d++) {
                LocalDate date = LocalDate.of(2026, 3, 2).plusDays(d);
                for (int i = 0; i < PER_DIGEST; i++) {
                    JsonNode paper = corpus.get(d * STRIDE + i);
                    String paperId = "arxiv-" + paper.get("arxivId").asText();
                    earliest.merge(paperId, date, (a, b) -> a.isBefore(b) ? a : b);
                    ObjectNode entry = JSON.createObjectNode()
                            .put("schemaVersion", 1)
                            .put("digestId", "scaleout-" + d)
                            .put("digestDate", date.toString())
                            .put("source", "arxiv-listing")
                            .put("position", i + 1)
                            .put("entryCount", PER_DIGEST)
                            .put("paperId", paperId)
                            .put("arxivId", paper.get("arxivId").asText())
                            .put("title", paper.get("title").asText().replaceAll("\\s+", " ").strip())
                            .put("abstract", paper.get("abstract").asText())
                            .put("receivedAt", "2026-03-12T08:00:00Z");
                    sends.add(producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, paperId, entry.toString())));
                }
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(1, TimeUnit.MINUTES);
            }
        }
        return earliest;
    }

    private static void assertCatalogueHoldsEveryEntryOnce(TestDatabase db, Map<String, LocalDate> earliest)
            throws SQLException {
        assertThat(count(db, "select count(distinct (digest_id, paper_id)) from appearance")).isEqualTo(ENTRIES);
        assertThat(count(db, "select count(*) from paper")).isEqualTo(earliest.size());
        assertThat(count(db, "select count(*) from (select 1 from paper_topic group by paper_id, topic_slug having count(*) > 1) t"))
                .as("topic rows twice").isZero();
        for (int d = 0; d < DIGESTS; d++) {
            assertThat(count(db, "select count(*) from appearance where digest_id = 'scaleout-" + d + "'"))
                    .as("appearances of digest %d", d).isEqualTo(PER_DIGEST);
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, first_seen from paper")) {
            while (rs.next()) {
                assertThat(rs.getObject(2, LocalDate.class)).as("first_seen of %s", rs.getString(1))
                        .isEqualTo(earliest.get(rs.getString(1)));
            }
        }
    }

    /**
     * Reads {@code papers-enriched} to its end: every appearance (paper, digest) has an event, and all events of
     * one appearance carry one {@code ce_id}, while one {@code ce_id} never names two different appearances.
     */
    private static void assertEveryAppearanceHasExactlyOneEventId(Pipeline pipeline, Set<String> paperIds) {
        Map<String, Set<String>> idsByAppearance = new HashMap<>();
        Map<String, Set<String>> appearancesById = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = pipeline.consumer(Topics.PAPERS_ENRICHED,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    quietSince = System.nanoTime();
                    JsonNode event = readTree(record.value());
                    JsonNode digest = event.get("digest");
                    if (digest == null) {
                        continue;
                    }
                    String appearance = event.get("paperId").asText() + " in " + digest.get("id").asText();
                    String ceId = header(record, "ce_id");
                    idsByAppearance.computeIfAbsent(appearance, k -> new HashSet<>()).add(ceId);
                    appearancesById.computeIfAbsent(ceId, k -> new HashSet<>()).add(appearance);
                }
            }
        }
        assertThat(idsByAppearance).as("appearances announced").hasSize(ENTRIES);
        assertThat(idsByAppearance.keySet().stream().map(a -> a.substring(0, a.indexOf(' '))).distinct())
                .containsExactlyInAnyOrderElementsOf(paperIds);
        assertThat(idsByAppearance.entrySet()).as("appearances announced under two event ids")
                .filteredOn(e -> e.getValue().size() > 1).isEmpty();
        assertThat(appearancesById.entrySet()).as("event ids naming two appearances")
                .filteredOn(e -> e.getValue().size() > 1).isEmpty();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("%s header", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
