package dev.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.enrich.messaging.DeadLetters;
import dev.paperstream.enrich.support.Db;
import dev.paperstream.enrich.support.Entries;
import dev.paperstream.enrich.support.Events;
import dev.paperstream.enrich.support.KafkaClients;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service as a downstream user sees it: raw entries produced with a plain Kafka producer, enriched papers read
 * with a plain Kafka consumer, the catalogue read with plain JDBC, against a real broker and a real database.
 * Each test works on digests of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate MAR_14 = LocalDate.of(2026, 3, 14);

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> events;

    @BeforeAll
    static void topics() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES, Topics.DIGEST_ENTRIES_DLQ, Topics.PAPERS_ENRICHED);
    }

    @BeforeEach
    void clients() {
        producer = KafkaClients.producer();
        events = KafkaClients.consumer(Topics.PAPERS_ENRICHED);
    }

    @AfterEach
    void close() {
        producer.close();
        events.close();
    }

    @Test
    void sampleDigestBecomesOneValidCloudEventPerPaperAfterCommit() throws Exception {
        List<DigestEntryV1> entries = Entries.ofSample("d-sample", MAR_14);
        KafkaClients.send(producer, entries);

        List<Events.Event> received = Events.await(events, e -> "d-sample".equals(e.digestId()), 104, WAIT);
        assertThat(received).hasSize(104);
        JsonSchema schema = paperEnrichedSchema();
        Set<String> ids = new HashSet<>();
        for (Events.Event e : received) {
            String id = e.paper().path("paperId").asText();
            ids.add(id);
            assertThat(e.record().key()).isEqualTo(id);
            assertThat(e.header("ce_specversion")).isEqualTo("1.0");
            assertThat(e.header("ce_type")).isEqualTo(PaperEnrichedV1.CE_TYPE);
            assertThat(e.header("ce_source")).isEqualTo("/paperstream/enrich-service");
            assertThat(e.header("ce_subject")).isEqualTo(id);
            assertThat(e.header("ce_id")).isEqualTo(id + "@d-sample");
            assertThat(Instant.parse(e.header("ce_time"))).isEqualTo(Instant.parse(e.paper().path("enrichedAt").asText()));
            assertThat(e.header("content-type")).isEqualTo("application/json");
            assertThat(schema.validate(e.paper())).as("schema violations of %s", id).isEmpty();
            // emitted after commit: whatever the event says is already in the catalogue
            assertThat(Db.count("select count(*) from appearance where digest_id = 'd-sample' and paper_id = ?", id)).isEqualTo(1);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(entries.stream().map(DigestEntryV1::paperId).toList());
        assertThat(Db.count("select entry_count from digest where id = 'd-sample'")).isEqualTo(104);
        assertThat(Db.count("select count(distinct l.url) from link l join appearance a on a.paper_id = l.paper_id "
                + "where a.digest_id = 'd-sample'")).isEqualTo(39);

        Events.Event pat = received.stream().filter(e -> e.paper().path("title").asText().startsWith("PAT:")).findFirst().orElseThrow();
        assertThat(pat.paper().path("digest").path("position").asInt()).isEqualTo(1);
        assertThat(slugs(pat.paper())).contains("pruning");
        assertThat(pat.paper().path("links").get(0).path("kind").asText()).isEqualTo("code");
        assertThat(pat.paper().path("mentions").toString()).contains("\"name\":\"llama-2\"", "\"size\":\"7b\"");

        ObjectNode broken = pat.paper().deepCopy();
        broken.remove("topics");
        broken.put("version", 0);
        assertThat(schema.validate(broken)).hasSize(2);
    }

    @Test
    void redeliveredEntriesChangeNothingAndRepeatTheSameEventIds() {
        List<DigestEntryV1> entries = synthetic("d-redeliver", MAR_14, 20);
        KafkaClients.send(producer, entries);
        List<Events.Event> first = Events.await(events, e -> "d-redeliver".equals(e.digestId()), 20, WAIT);
        assertThat(first).hasSize(20);
        List<List<Object>> before = Db.rows("select p.id, p.version, p.updated_at, d.last_enriched_at from paper p "
                + "join appearance a on a.paper_id = p.id join digest d on d.id = a.digest_id "
                + "where a.digest_id = 'd-redeliver' order by p.id");

        KafkaClients.send(producer, entries);
        KafkaClients.send(producer, entries.subList(0, 5));

        // Every redelivered entry publishes its paper's event again, with the same id; copies of one entry that
        // arrive in the same batch are stored, and published, once. So 20 to 25 events, every paper among them.
        List<Events.Event> again = new ArrayList<>(Events.await(events, e -> "d-redeliver".equals(e.digestId()), 20, WAIT));
        again.addAll(Events.drain(events, e -> "d-redeliver".equals(e.digestId()), Duration.ofSeconds(3)));
        assertThat(again).hasSizeBetween(20, 25);
        assertThat(again).extracting(e -> e.record().key())
                .containsAll(entries.stream().map(DigestEntryV1::paperId).toList());
        Set<String> firstIds = new HashSet<>();
        first.forEach(e -> firstIds.add(e.header("ce_id")));
        again.forEach(e -> assertThat(firstIds).contains(e.header("ce_id")));
        assertThat(Db.rows("select p.id, p.version, p.updated_at, d.last_enriched_at from paper p "
                + "join appearance a on a.paper_id = p.id join digest d on d.id = a.digest_id "
                + "where a.digest_id = 'd-redeliver' order by p.id")).isEqualTo(before);
        assertThat(Db.count("select count(*) from appearance where digest_id = 'd-redeliver'")).isEqualTo(20);
    }

    @Test
    void samePaperInSeveralDigestsIsOnePaperWithAnAppearanceEach() {
        DigestEntryV1 mid = Entries.entry("d-repeat-mid", LocalDate.of(2026, 3, 10), 2, 2, "A Study of Repeated Papers",
                "We study papers that appear in several digests.");
        DigestEntryV1 other = Entries.entry("d-repeat-mid", LocalDate.of(2026, 3, 10), 1, 2, "Another Paper", "Text.");
        KafkaClients.send(producer, List.of(other, mid));
        assertThat(Events.await(events, e -> "d-repeat-mid".equals(e.digestId()), 2, WAIT)).hasSize(2);

        DigestEntryV1 later = Entries.entry("d-repeat-late", LocalDate.of(2026, 3, 12), 1, 1, mid.title(), mid.abstractText());
        DigestEntryV1 earlier = Entries.entry("d-repeat-early", LocalDate.of(2026, 3, 8), 3, 3, mid.title(), mid.abstractText());
        KafkaClients.send(producer, List.of(later, earlier));
        List<Events.Event> updates = Events.await(events, e -> e.digestId() != null && e.digestId().startsWith("d-repeat-")
                && e.record().key().equals(mid.paperId()) && !"d-repeat-mid".equals(e.digestId()), 2, WAIT);
        assertThat(updates).hasSize(2);
        assertThat(updates).extracting(e -> e.paper().path("version").asLong()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(updates).extracting(e -> e.header("ce_id")).doesNotHaveDuplicates();

        assertThat(Db.count("select count(*) from paper where id = ?", mid.paperId())).isEqualTo(1);
        assertThat(Db.count("select count(*) from appearance where paper_id = ?", mid.paperId())).isEqualTo(3);
        assertThat(Db.rows("select first_seen::text, last_seen::text, first_digest_id, first_position, version from paper where id = ?",
                mid.paperId())).containsExactly(List.of("2026-03-08", "2026-03-12", "d-repeat-early", 3, 3L));
        Events.Event last = updates.stream().filter(e -> e.paper().path("version").asLong() == 3).findFirst().orElseThrow();
        assertThat(last.paper().path("firstSeen").asText()).isEqualTo("2026-03-08");
        assertThat(last.paper().path("lastSeen").asText()).isEqualTo("2026-03-12");
    }

    @Test
    void aPaperKeepsTheTextOfItsEarliestAppearanceAndTopicsThatDescribeIt() {
        String title = "Text of the Earliest Appearance";
        String lora = "We fine-tune adapters with LoRA, a parameter-efficient low-rank adaptation method.";
        String quantized = "We quantize weights to 4-bit with GPTQ-style low-bit quantization and keep accuracy.";
        DigestEntryV1 late = Entries.entry("d-text-late", LocalDate.of(2026, 4, 10), 1, 1, title, lora);
        KafkaClients.send(producer, List.of(late));
        Events.Event first = Events.await(events, e -> "d-text-late".equals(e.digestId()), 1, WAIT).get(0);
        assertThat(slugs(first)).contains("peft").doesNotContain("quantization");

        KafkaClients.send(producer, List.of(Entries.entry("d-text-early", LocalDate.of(2026, 4, 1), 1, 1, title, quantized)));
        Events.Event earlier = Events.await(events, e -> "d-text-early".equals(e.digestId()), 1, WAIT).get(0);
        assertThat(earlier.paper().path("abstract").asText()).isEqualTo(quantized);
        assertThat(slugs(earlier)).contains("quantization").doesNotContain("peft");

        KafkaClients.send(producer, List.of(Entries.entry("d-text-latest", LocalDate.of(2026, 4, 20), 1, 1, title, lora)));
        Events.Event latest = Events.await(events, e -> "d-text-latest".equals(e.digestId()), 1, WAIT).get(0);
        assertThat(latest.paper().path("version").asLong()).isEqualTo(3);
        assertThat(latest.paper().path("abstract").asText()).isEqualTo(quantized);
        assertThat(slugs(latest)).isEqualTo(slugs(earlier));
        assertThat(Db.rows("select abstract from paper where id = ?", late.paperId())).containsExactly(List.of(quantized));
        assertThat(Db.rows("select topic_slug from paper_topic where paper_id = ? order by topic_slug", late.paperId()))
                .extracting(row -> row.get(0)).containsExactlyElementsOf(slugs(earlier).stream().sorted().toList());
    }

    @Test
    void authorsAndCategoriesComeFromTheEarliestAppearanceThatCarriedThemAndUpvotesFromEach() throws Exception {
        String title = "Authors Travel With Their Paper";
        String text = "We keep the names of the people who wrote a paper.";
        DigestEntryV1 page = Entries.entry("d-meta-page", LocalDate.of(2026, 5, 10), 1, 1, title, text);
        KafkaClients.send(producer, List.of(page));
        Events.Event fromPage = Events.await(events, e -> "d-meta-page".equals(e.digestId()), 1, WAIT).get(0);
        assertThat(fromPage.paper().has("authors")).isFalse();
        assertThat(fromPage.paper().path("digest").has("upvotes")).isFalse();

        DigestEntryV1 hf = Entries.withMetadata(Entries.entry("d-meta-hf", LocalDate.of(2026, 5, 12), 1, 1, title, text),
                List.of("Jörg Müller", " ", "Ana Lima"), List.of(), 42);
        KafkaClients.send(producer, List.of(hf));
        Events.Event fromHf = Events.await(events, e -> "d-meta-hf".equals(e.digestId()), 1, WAIT).get(0);
        assertThat(fromHf.paper().path("authors").toString()).isEqualTo("[\"Jörg Müller\",\"Ana Lima\"]");
        assertThat(fromHf.paper().has("categories")).isFalse();
        assertThat(fromHf.paper().path("digest").path("upvotes").asInt()).isEqualTo(42);

        DigestEntryV1 atom = Entries.withMetadata(Entries.entry("d-meta-atom", LocalDate.of(2026, 5, 8), 2, 2, title, text),
                List.of("J. Müller", "A. Lima", "Q. Chen"), List.of("cs.CL", "cs.LG"), null);
        DigestEntryV1 later = Entries.withMetadata(Entries.entry("d-meta-later", LocalDate.of(2026, 5, 20), 1, 1, title, text),
                List.of("Someone Else"), List.of("stat.ML"), 7);
        KafkaClients.send(producer, List.of(atom));
        Events.await(events, e -> "d-meta-atom".equals(e.digestId()), 1, WAIT);
        KafkaClients.send(producer, List.of(later));
        Events.Event last = Events.await(events, e -> "d-meta-later".equals(e.digestId()), 1, WAIT).get(0);

        assertThat(last.paper().path("version").asLong()).isEqualTo(4);
        assertThat(last.paper().path("authors").toString()).isEqualTo("[\"J. Müller\",\"A. Lima\",\"Q. Chen\"]");
        assertThat(last.paper().path("categories").toString()).isEqualTo("[\"cs.CL\",\"cs.LG\"]");
        assertThat(last.paper().path("digest").path("upvotes").asInt()).isEqualTo(7);
        assertThat(paperEnrichedSchema().validate(last.paper())).isEmpty();
        assertThat(Db.rows("select array_to_string(authors, '|'), array_to_string(categories, '|'), authors_seen::text "
                + "from paper where id = ?", page.paperId()))
                .containsExactly(List.of("J. Müller|A. Lima|Q. Chen", "cs.CL|cs.LG", "2026-05-08"));
        assertThat(Db.rows("select digest_id, upvotes from appearance where paper_id = ? order by digest_id", page.paperId()))
                .containsExactly(Arrays.asList("d-meta-atom", null), List.of("d-meta-hf", 42),
                        List.of("d-meta-later", 7), Arrays.asList("d-meta-page", null));
    }

    private static List<String> slugs(Events.Event event) {
        List<String> slugs = new ArrayList<>();
        event.paper().path("topics").forEach(t -> slugs.add(t.path("slug").asText()));
        return slugs;
    }

    @Test
    void unprocessableEntriesGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerGoesOn() {
        DigestEntryV1 good = Entries.entry("d-dlq", MAR_14, 1, 1, "A Valid Entry After Bad Ones", "Fine text.");
        Map<String, String> bad = Map.of(
                "bad-json", "{\"schemaVersion\": 1, \"digestId\": ",
                "bad-fields", "{\"schemaVersion\": 1, \"digestId\": \"d-dlq\", \"paperId\": \"bad-fields\"}",
                "bad-version", KafkaClients.json(new DigestEntryV1(2, "d-dlq", MAR_14, "x", 1, 1, "bad-version", null,
                        "T", "A", null, null, null, null, null)));
        try (KafkaConsumer<String, String> dlq = KafkaClients.consumer(Topics.DIGEST_ENTRIES_DLQ)) {
            bad.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, key, value)));
            KafkaClients.send(producer, List.of(good));

            assertThat(Events.await(events, e -> "d-dlq".equals(e.digestId()), 1, WAIT)).hasSize(1);
            List<ConsumerRecord<String, String>> letters = KafkaClients.poll(dlq, r -> bad.containsKey(r.key()), 3, WAIT);
            Map<String, String> reasons = new HashMap<>();
            for (ConsumerRecord<String, String> letter : letters) {
                assertThat(letter.value()).isEqualTo(bad.get(letter.key()));
                assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(Topics.DIGEST_ENTRIES);
                assertThat(header(letter, DeadLetters.OFFSET)).isNotBlank();
                reasons.put(letter.key(), header(letter, DeadLetters.REASON));
            }
            assertThat(reasons).hasSize(3);
            assertThat(reasons.get("bad-json")).startsWith("not a DigestEntryV1 JSON document");
            assertThat(reasons.get("bad-fields")).contains("title is missing", "digestDate is missing", "position must be 1 or more");
            assertThat(reasons.get("bad-version")).contains("schemaVersion 2 is not 1");
        }
        assertThat(Db.count("select count(*) from paper where id in ('bad-json', 'bad-fields', 'bad-version')")).isZero();
    }

    /**
     * The database goes away in the middle of a digest. The shared PostgreSQL server cannot be restarted for one
     * test, so the outage is made for this test's database alone, the way a restart looks to a client: every open
     * connection is terminated and new ones are refused (ALLOW_CONNECTIONS false) until it comes back.
     */
    @Test
    void databaseOutageInTheMiddleOfADigestLosesAndDoublesNothing() throws Exception {
        String database = PostgresDatabaseTestResource.database().name();
        List<DigestEntryV1> entries = synthetic("d-outage", MAR_14, 40);
        KafkaClients.send(producer, entries.subList(0, 15));
        assertThat(Events.await(events, e -> "d-outage".equals(e.digestId()), 15, WAIT)).hasSize(15);

        Db.admin("alter database " + database + " allow_connections false");
        try {
            Db.admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            KafkaClients.send(producer, entries.subList(15, 40));
            assertThat(Events.drain(events, e -> "d-outage".equals(e.digestId()), Duration.ofSeconds(4))).isEmpty();
        } finally {
            Db.admin("alter database " + database + " allow_connections true");
        }

        List<Events.Event> rest = Events.await(events, e -> "d-outage".equals(e.digestId()), 25, WAIT);
        assertThat(rest).hasSize(25);
        assertThat(rest).extracting(e -> e.record().key())
                .containsExactlyInAnyOrderElementsOf(entries.subList(15, 40).stream().map(DigestEntryV1::paperId).toList());
        assertThat(Db.count("select count(*) from appearance where digest_id = 'd-outage'")).isEqualTo(40);
        assertThat(Db.count("select count(*) from paper p join appearance a on a.paper_id = p.id "
                + "where a.digest_id = 'd-outage' and p.version = 1")).isEqualTo(40);
        // The writer keeps these references, not foreign keys (migration V4): nothing points at a missing row.
        assertThat(Db.count("""
                select (select count(*) from appearance a where not exists (select 1 from paper p where p.id = a.paper_id)
                                                   or not exists (select 1 from digest d where d.id = a.digest_id))
                     + (select count(*) from paper_topic t where not exists (select 1 from paper p where p.id = t.paper_id))
                     + (select count(*) from link l where not exists (select 1 from paper p where p.id = l.paper_id))
                     + (select count(*) from mention m where not exists (select 1 from paper p where p.id = m.paper_id))"""))
                .isZero();
    }

    static List<DigestEntryV1> synthetic(String digestId, LocalDate date, int count) {
        List<DigestEntryV1> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(Entries.entry(digestId, date, i, count, "Synthetic paper " + i + " of " + digestId,
                    "We prune " + i + " layers of a quantized model and evaluate it. Code: https://github.com/example/repo-" + i + "."));
        }
        return out;
    }

    static List<String> slugs(JsonNode paper) {
        List<String> out = new ArrayList<>();
        paper.path("topics").forEach(t -> out.add(t.path("slug").asText()));
        return out;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static JsonSchema paperEnrichedSchema() throws Exception {
        // The schema lives in the events module beside the record; tests run from this module's directory.
        Path file = Path.of("..", "events", "src", "main", "resources", "schemas", "paper-enriched.v1.json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
