package dev.paperstream.ingest.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.devstack.PostgresDatabaseTestResource;
import dev.paperstream.ingest.resource.DigestEntriesTopicReader.Published;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

/**
 * Hostile input through the real HTTP door and the real broker: each reproducer of issue 9 and each limit gets its
 * exact status and problem detail, a refused request publishes nothing on {@code digest-entries}, and a well-formed
 * digest sent among them publishes each of its entries exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresDatabaseTestResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";

    private static DigestEntriesTopicReader topic;

    @BeforeAll
    static void readTopic() {
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        topic = new DigestEntriesTopicReader();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void pathological_text_is_accepted_fast_and_published_once() {
        String dotted = "a.".repeat(20_000) + "b";
        String pairs = ".a".repeat(49_990);
        String brackets = "https://github.com/example/x" + ")".repeat(95_000);
        String page = "Mar 14\n\nA Dotted Word Inside\n\nThe abstract holds " + dotted + " and goes on .\n\n"
                + "A Word of Dot Pairs\n\nIt reads " + pairs + " .\n\n"
                + "A Link Before Brackets\n\nCode at " + brackets + " .\n";

        Response accepted = DigestResourceTest.post("text/plain", bytes(page), "?year=2024");

        accepted.then().statusCode(202).body("entries", equalTo(3));
        List<Published> entries = topic.entriesOf(accepted.jsonPath().getString("digestId"));
        assertThat(entries).extracting(e -> e.value().get("abstract").asText()).containsExactly(
                "The abstract holds " + dotted + " and goes on.", "It reads " + pairs + ".", "Code at " + brackets + " .");
    }

    @Test
    void atom_nesting_ten_thousand_and_three_hundred_thousand_deep_is_refused_and_publishes_nothing() {
        for (int depth : List.of(10_000, 300_000)) {
            String feed = ATOM + "<entry>" + "<title>".repeat(depth) + "x" + "</title>".repeat(depth) + "</entry></feed>";
            refusedUnpublished(() -> DigestResourceTest.post("application/atom+xml", bytes(feed), ""), 400,
                    "The feed nests elements more than 64 deep (line 1); an Atom feed needs about five levels.");
        }
    }

    @Test
    void dates_and_years_out_of_range_are_refused_naming_the_parameter_or_field() {
        byte[] page = DigestResourceTest.page("Dated Far Away", "A digest dated where PostgreSQL cannot follow is refused.");
        refusedUnpublished(() -> given().header("Authorization", "Bearer " + DigestResourceTest.TOKEN)
                .contentType("text/plain").queryParam("date", "+6000000-01-01").body(page).post("/digests"), 400,
                "The date parameter is +6000000-01-01, out of range: dates are accepted from 1000-01-01 to 9999-12-31.");
        refusedUnpublished(() -> DigestResourceTest.post("text/plain", page, "?year=99999"), 400,
                "The year parameter \"99999\" is not a four-digit year (1000 to 9999).");
        refusedUnpublished(() -> DigestResourceTest.post("text/plain", page, "?year=0999"), 400,
                "The year parameter \"0999\" is not a four-digit year (1000 to 9999).");
        refusedUnpublished(() -> DigestResourceTest.post("application/json",
                bytes("{\"date\": \"+6000000-01-01\", \"entries\": [{\"title\": \"Far\"}]}"), ""), 400,
                "\"date\" is +6000000-01-01, out of range");
        refusedUnpublished(() -> DigestResourceTest.post("application/atom+xml", bytes(ATOM + "<entry><title>Far</title>"
                + "<published>+10000-01-01T00:00:00Z</published></entry></feed>"), ""), 400,
                "Atom entry 1 <published> is +10000-01-01, out of range");
    }

    @Test
    void fields_over_their_limits_are_refused_before_anything_is_published() {
        refusedUnpublished(() -> DigestResourceTest.post("application/json", bytes("{\"entries\": [{\"title\": \"Fine\"}, "
                + "{\"title\": \"" + "t".repeat(1_001) + "\"}]}"), ""), 400,
                "entries[1].title has 1001 characters; the limit is 1000.");
        refusedUnpublished(() -> DigestResourceTest.post("application/json", bytes("{\"entries\": [{\"title\": \"Fine\", "
                + "\"abstract\": \"" + "a".repeat(100_001) + "\"}]}"), ""), 400,
                "entries[0].abstract has 100001 characters; the limit is 100000.");
        refusedUnpublished(() -> DigestResourceTest.post("application/json", bytes("{\"entries\": [{\"title\": \"Fine\", "
                + "\"url\": \"https://example.org/" + "u".repeat(2_000) + "\"}]}"), ""), 400,
                "entries[0].url has 2020 characters; the limit is 2000.");
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            links.append("a.io/").append(i).append(' ');
        }
        refusedUnpublished(() -> DigestResourceTest.post("application/json", bytes("{\"entries\": [{\"title\": \"Fine\"}, "
                + "{\"title\": \"Nine Thousand Links\", \"abstract\": \"" + links + "\"}]}"), ""), 413,
                "Entry 2 (\"Nine Thousand Links\") could grow to");
    }

    @Test
    void script_links_are_refused_in_json_and_dropped_from_atom() {
        refusedUnpublished(() -> DigestResourceTest.post("application/json",
                bytes("{\"entries\": [{\"title\": \"Script\", \"url\": \"javascript:alert(1)\"}]}"), ""), 400,
                "entries[0].url \"javascript:alert(1)\" is not an http(s) link.");

        Response accepted = DigestResourceTest.post("application/atom+xml", bytes(ATOM + "<entry><title>Script Link "
                + "Dropped</title><link href=\"javascript:alert(document.cookie)\"/></entry></feed>"), "?date=2024-03-15");

        accepted.then().statusCode(202).body("entries", equalTo(1));
        assertThat(topic.entriesOf(accepted.jsonPath().getString("digestId"))).singleElement()
                .satisfies(entry -> assertThat(entry.value().has("url")).isFalse());
    }

    @Test
    void nul_and_lone_surrogates_are_dropped_everywhere_postgresql_or_kafka_would_choke() {
        String json = "{\"source\": \"reading\\u0000group\", \"entries\": [{\"title\": \"Nul\\u0000 and \\ud800Lone\", "
                + "\"abstract\": \"Half a pair \\udc00 and a whole one \\ud83d\\ude00.\"}]}";
        Response accepted = DigestResourceTest.post("application/json", bytes(json), "?date=2024-03-16");
        accepted.then().statusCode(202).body("source", equalTo("readinggroup"));
        assertThat(topic.entriesOf(accepted.jsonPath().getString("digestId"))).singleElement().satisfies(entry -> {
            assertThat(entry.value().get("title").asText()).isEqualTo("Nul and Lone");
            assertThat(entry.value().get("abstract").asText()).isEqualTo("Half a pair and a whole one \uD83D\uDE00.");
        });

        byte[] page = DigestResourceTest.page("Nul Source", "The source parameter loses its NUL like every other text.");
        given().header("Authorization", "Bearer " + DigestResourceTest.TOKEN).contentType("text/plain")
                .queryParam("source", "feed\u0000one").body(page).post("/digests")
                .then().statusCode(202).body("source", equalTo("feedone"));
    }

    @Test
    void papers_whose_titles_normalize_to_nothing_stay_distinct() {
        String json = "{\"entries\": [{\"title\": \"\uD83D\uDE80\uD83D\uDE80\", \"abstract\": \"Rockets.\"}, "
                + "{\"title\": \"\uD83D\uDD25\", \"abstract\": \"Fire.\"}, {\"title\": \"?!\", \"abstract\": \"Marks.\"}]}";

        Response accepted = DigestResourceTest.post("application/json", bytes(json), "?date=2024-03-17");

        accepted.then().statusCode(202).body("entries", equalTo(3)).body("duplicates", equalTo(0));
        assertThat(topic.entriesOf(accepted.jsonPath().getString("digestId"))).extracting(Published::key)
                .doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void a_well_formed_digest_among_hostile_ones_publishes_each_entry_exactly_once() {
        String good = "Mar 18\n\nWell Formed Among Hostile\n\nA plain abstract that every parser reads the same way.\n\n"
                + "Second Well Formed Paper\n\nAnother plain abstract, sent between refusals, published exactly once.\n";
        refusedUnpublished(() -> DigestResourceTest.post("application/atom+xml", bytes(ATOM + "<entry>"
                + "<title>".repeat(10_000) + "</entry></feed>"), ""), 400, "nests elements");

        Response accepted = DigestResourceTest.post("text/plain", bytes(good), "?year=2024");

        refusedUnpublished(() -> DigestResourceTest.post("text/plain", bytes(good), "?date=+6000000-01-01"), 400,
                "The date parameter");
        accepted.then().statusCode(202).body("entries", equalTo(2));
        assertThat(topic.entriesOf(accepted.jsonPath().getString("digestId")))
                .extracting(e -> e.value().get("position").asInt()).containsExactly(1, 2);
        DigestResourceTest.post("text/plain", bytes(good), "?year=2024").then().statusCode(200);
        assertThat(topic.entriesOf(accepted.jsonPath().getString("digestId"))).hasSize(2);
    }

    @Test
    void a_client_that_writes_its_whole_over_limit_body_before_reading_reads_the_413() throws IOException {
        byte[] body = new byte[6 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        int before = topic.count();
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + "/digests")
                .toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "text/plain");
        connection.setRequestProperty("Authorization", "Bearer " + DigestResourceTest.TOKEN);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }

        assertThat(connection.getResponseCode()).isEqualTo(413);
        assertThat(connection.getContentType()).isEqualTo("application/problem+json");
        assertThat(new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("\"status\":413").contains("larger than the limit of 5242880 bytes");
        assertThat(topic.count()).isEqualTo(before);
    }

    @Test
    void a_client_expecting_100_continue_is_refused_before_it_sends_the_body() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(("POST /digests HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer " + DigestResourceTest.TOKEN + "\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 67108864\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("larger than the limit of 5242880 bytes");
        }
    }

    private static void refusedUnpublished(Supplier<Response> request, int status, String detail) {
        int before = topic.count();
        Problems.assertProblem(request.get(), status, detail);
        assertThat(topic.count()).as("records on digest-entries after a refusal").isEqualTo(before);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
