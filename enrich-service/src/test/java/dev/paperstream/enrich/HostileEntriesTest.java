package dev.paperstream.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.enrich.messaging.DeadLetters;
import dev.paperstream.enrich.support.Db;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Entries an attacker or an unlucky page would send, produced straight to {@code digest-entries} among well-formed
 * ones. Whether each reproducer is enriched or dead-lettered depends on how the scanners treat it (fast, slow, or
 * throwing); what never changes is that each entry ends up in exactly one of the two, that the well-formed entries
 * around them are enriched exactly once, and that the service stays live and ready.
 */
@QuarkusTest
class HostileEntriesTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final LocalDate DATE = LocalDate.of(2026, 6, 1);
    private static final String LONE_SURROGATES = "LONE-SURROGATES-HERE";

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> events;
    private KafkaConsumer<String, String> dlq;

    @BeforeAll
    static void topics() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
    }

    @BeforeEach
    void clients() {
        producer = KafkaClients.producer();
        events = KafkaClients.consumer(Topics.PAPERS_ENRICHED);
        dlq = KafkaClients.consumer(Topics.DIGEST_ENTRIES_DLQ);
    }

    @AfterEach
    void close() {
        producer.close();
        events.close();
        dlq.close();
    }

    @Test
    void everyReproducerIsEnrichedOrDeadLetteredOnceAndTheEntriesAroundThemAreEnrichedExactlyOnce() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("dotted capital", "See x.Überblick for the overview.");
        hostile.put("year dot accent", "Results of the 2024.Étude are reported.");
        hostile.put("dot cjk", "We fine-tune the model.以 and compare.");
        hostile.put("dash dot accent", "Compare x -.été with the baseline.");
        hostile.put("url and brackets", "Code: https://github.com/example/repo" + ")".repeat(95_000));
        hostile.put("llama digits", "llama 1" + "7".repeat(60_000) + "b");
        hostile.put("llama it", "llama" + " it".repeat(2_000));
        hostile.put("dotted word", ".a".repeat(50_000) + " .");
        hostile.put("nul", "A NUL \u0000 inside the abstract.");
        hostile.put("lone surrogates", LONE_SURROGATES);

        List<DigestEntryV1> wellFormed = new ArrayList<>();
        Map<String, DigestEntryV1> poison = new LinkedHashMap<>();
        int position = 0;
        int count = hostile.size() * 3;
        for (Map.Entry<String, String> h : hostile.entrySet()) {
            wellFormed.add(Entries.entry("d-hostile", DATE, ++position, count, "Well-formed neighbour " + position,
                    "We prune the layers of a quantized model and evaluate LLaMA-2 7B."));
            DigestEntryV1 bad = Entries.entry("d-hostile", DATE, ++position, count, "Hostile entry: " + h.getKey(), h.getValue());
            poison.put(bad.paperId(), bad);
            wellFormed.add(Entries.entry("d-hostile", DATE, ++position, count, "Well-formed neighbour " + position,
                    "We distill a teacher into a student, with code at https://github.com/example/neighbour-" + position + "."));
        }
        for (DigestEntryV1 e : wellFormed.subList(0, wellFormed.size() / 2)) {
            producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, e.paperId(), KafkaClients.json(e)));
        }
        for (DigestEntryV1 e : poison.values()) {
            // JSON escapes survive the trip as UTF-16 code units; raw lone surrogates would become '?' in UTF-8.
            String json = KafkaClients.json(e).replace(LONE_SURROGATES, "\\ud800 then \\udfff alone");
            producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, e.paperId(), json));
        }
        KafkaClients.send(producer, wellFormed.subList(wellFormed.size() / 2, wellFormed.size()));

        Map<String, Integer> announced = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (announced.size() + reasons.size() < wellFormed.size() + poison.size() && System.nanoTime() < deadline) {
            collect(announced, reasons, Duration.ofSeconds(1));
        }
        // Whatever else would come, a second outcome for an entry included.
        collect(announced, reasons, Duration.ofSeconds(3));

        for (DigestEntryV1 e : wellFormed) {
            assertThat(announced.get(e.paperId())).as("events of %s", e.title()).isEqualTo(1);
            assertThat(Db.count("select count(*) from appearance where digest_id = 'd-hostile' and paper_id = ?", e.paperId()))
                    .as("appearances of %s", e.title()).isEqualTo(1);
        }
        assertThat(reasons.keySet()).as("dead letters are reproducers only").isSubsetOf(poison.keySet());
        for (DigestEntryV1 e : poison.values()) {
            boolean enriched = announced.containsKey(e.paperId());
            boolean dead = reasons.containsKey(e.paperId());
            assertThat(enriched ^ dead).as("%s is either enriched or a dead letter (enriched %s, dead %s)", e.title(), enriched, dead).isTrue();
            long stored = Db.count("select count(*) from appearance where digest_id = 'd-hostile' and paper_id = ?", e.paperId());
            assertThat(stored).as("appearances of %s", e.title()).isEqualTo(enriched ? 1 : 0);
            if (enriched) {
                assertThat(announced.get(e.paperId())).as("events of %s", e.title()).isEqualTo(1);
            } else {
                assertThat(reasons.get(e.paperId())).as("reason of %s", e.title())
                        .matches("(?s)(timeout|enrichment-failed|could not be stored): .+");
            }
        }
        // PostgreSQL text cannot hold NUL: that entry cannot be stored, whatever the scanners do.
        assertThat(reasons.get(Entries.titleId("Hostile entry: nul"))).startsWith("could not be stored: ");
        assertLiveAndReady();
    }

    @Test
    void anEntryWhoseEventWouldExceedTheBrokersLimitIsDeadLetteredBeforeItsRowIsWritten() {
        StringBuilder text = new StringBuilder("We list every mirror of our artefacts.");
        for (int i = 0; i < 2_000; i++) {
            text.append(" https://mirror-").append(i).append(".example.org/artefact");
        }
        while (text.length() < 900_000) {
            text.append(" We prune and quantize models, then evaluate them on reasoning benchmarks.");
        }
        DigestEntryV1 huge = Entries.entry("d-huge", DATE, 1, 2, "An Abstract With Two Thousand Mirrors", text.toString());
        DigestEntryV1 after = Entries.entry("d-huge", DATE, 2, 2, "A Small Paper After A Huge One", "Short and fine.");
        KafkaClients.send(producer, List.of(huge, after));

        assertThat(Events.await(events, e -> "d-huge".equals(e.digestId()), 1, WAIT))
                .extracting(e -> e.record().key()).containsExactly(after.paperId());
        List<ConsumerRecord<String, String>> letters = KafkaClients.poll(dlq, r -> huge.paperId().equals(r.key()), 1, WAIT);
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), DeadLetters.REASON))
                .matches("event-too-large: its event would take \\d+ bytes, over the limit of 1048576");
        assertThat(letters.get(0).value()).isEqualTo(KafkaClients.json(huge));
        assertThat(Db.count("select count(*) from paper where id = ?", huge.paperId())).isZero();
        assertThat(Db.count("select count(*) from appearance where digest_id = 'd-huge'")).isEqualTo(1);
        assertLiveAndReady();
    }

    private void collect(Map<String, Integer> announced, Map<String, String> reasons, Duration window) {
        Events.drain(events, e -> "d-hostile".equals(e.digestId()), window)
                .forEach(e -> announced.merge(e.record().key(), 1, Integer::sum));
        for (ConsumerRecord<String, String> letter : KafkaClients.poll(dlq, r -> r.key() != null && r.key().startsWith("title-"), Integer.MAX_VALUE, Duration.ofMillis(300))) {
            if (letter.value().contains("\"d-hostile\"")) {
                String earlier = reasons.put(letter.key(), header(letter, DeadLetters.REASON));
                assertThat(earlier).as("second dead letter for %s", letter.key()).isNull();
            }
        }
    }

    private static void assertLiveAndReady() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
            assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
        });
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
