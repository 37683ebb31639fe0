import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The compose smoke test, from the host as a user meets the stack: the sample digest goes to ingest on 8081, the
 * query service on 8083 lists every paper of it, and a plain Kafka consumer on localhost:29092 reads an enriched
 * event per paper. Run by .ci/compose-smoke with devstack's jars on the class path:
 * java -cp 'devstack/target/lib/*' .ci/ComposeSmoke.java DIGEST_FILE TOKEN
 */
public class ComposeSmoke {

    private static final int SAMPLE_PAPERS = 104;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String digest = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        String token = args[1];

        HttpResponse<String> receipt = post(digest, token);
        // 503 means "not accepted, send the same digest again" (a broker slow to acknowledge): a client retries
        for (int attempt = 1; receipt.statusCode() == 503 && attempt < 10; attempt++) {
            System.out.println("smoke: POST /digests answered 503, again in " + retryAfter(receipt) + " s");
            Thread.sleep(retryAfter(receipt) * 1000L);
            receipt = post(digest, token);
        }
        check(receipt.statusCode() == 202, "POST /digests answered " + receipt.statusCode() + ": " + receipt.body());
        int entries = JSON.readTree(receipt.body()).get("entries").asInt();
        check(entries == SAMPLE_PAPERS, "the receipt counts " + entries + " entries, not " + SAMPLE_PAPERS);
        System.out.println("smoke: POST /digests accepted " + entries + " entries");

        Set<String> events = enrichedEvents(Duration.ofMinutes(3));
        System.out.println("smoke: a consumer on localhost:29092 read enriched events for " + events.size() + " papers");

        Set<String> papers = listedPapers();
        check(papers.equals(events), "GET /papers lists " + papers.size() + " papers, not the " + events.size()
                + " enriched ones");
        System.out.println("smoke: GET /papers lists all " + papers.size() + " papers");
    }

    private static HttpResponse<String> post(String digest, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8081/digests"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(digest)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
    }

    /**
     * The paper ids of the enriched events. The stream is at-least-once: a digest refused with 503 and sent again
     * may have had entries published before the refusal, so an id may come twice; every paper must come.
     */
    private static Set<String> enrichedEvents(Duration wait) {
        Set<String> paperIds = new HashSet<>();
        int records = 0;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:29092",
                ConsumerConfig.GROUP_ID_CONFIG, "compose-smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("papers-enriched"));
            long deadline = System.nanoTime() + wait.toNanos();
            while (paperIds.size() < SAMPLE_PAPERS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    paperIds.add(record.key());
                    records++;
                }
            }
            // a paper outside the sample would show up here
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
                paperIds.add(record.key());
                records++;
            }
        }
        check(paperIds.size() == SAMPLE_PAPERS, "enriched events for " + paperIds.size() + " papers, not "
                + SAMPLE_PAPERS);
        if (records > SAMPLE_PAPERS) {
            System.out.println("smoke: " + (records - SAMPLE_PAPERS) + " papers had a second event");
        }
        return paperIds;
    }

    private static Set<String> listedPapers() throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = "http://localhost:8083/papers?limit=30"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200, "GET " + url + " answered " + response.statusCode());
            JsonNode page = JSON.readTree(response.body());
            page.get("items").forEach(item -> check(ids.add(item.get("id").asText()), "paper listed twice: " + item));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            check(++pages <= SAMPLE_PAPERS, "paging does not end");
        } while (cursor != null);
        return ids;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            System.err.println("smoke: FAILED: " + failure);
            System.exit(1);
        }
    }
}
