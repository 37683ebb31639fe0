package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every ingest parser and identity function on random and adversarial Unicode: each call returns or refuses with
 * the documented {@link InvalidDigestException} or {@link DigestTooLargeException}, never anything else, and within
 * {@link #budget(int) a time budget} for its input's size (README, "Property tests").
 */
class ParserProperties {

    /** Odd pieces that broke scanners before: dots, brackets, digits, links, marks, controls, surrogates, RTL. */
    private static final List<String> PIECES = List.of(".", "a.", ".a", "x.", "(", ")", "[", "]", "{", "}", "0", "12",
            "2024.", "http://", "https://", "www.", "/", "a.b/", " ", "  ", "\n", "\n\n", "\r\n", "\t", " .", " ,",
            "\u0000", "\u0001", "\u007F", "\u0085", "\uD800", "\uDC00", "\uD83D\uDE00", "\u0301", "\u0316", "\u20DD",
            "\u202E", "\u05D0", "\u0627", "\u200B", "\uFEFF", "\u00AD", "\u2028", "\uFB2C", "\uFDFA", "\u1E9B\u0323",
            "É", "Überblick", "以", "llama", " it", "-", "_", ":", ";", "…", "&", "<", ">", "\"", "\\", "'",
            "Mar 14", "2024-03-14", "arXiv:2403.01234v2");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Generous for a loaded 2-core machine: 1 s plus 20 µs per character (3 s for 100,000) of the calling thread's
     * CPU time, so time spent waiting for a core other builds hold does not count; a scan quadratic in its input
     * needs far more.
     */
    static Duration budget(int length) {
        return Duration.ofMillis(1_000 + length / 50);
    }

    @Provide
    Arbitrary<String> adversarial() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> anyCodePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .map(Character::toString).list().ofMaxSize(100).map(list -> String.join("", list));
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(300).map(list -> String.join("", list));
        Arbitrary<String> longRun = Combinators.combine(Arbitraries.of(PIECES), Arbitraries.integers().between(1, 20_000),
                Arbitraries.of(PIECES)).as((piece, times, tail) -> truncated(piece.repeat(times)) + tail);
        Arbitrary<String> mixed = Arbitraries.oneOf(anyChars, anyCodePoints, pieces, longRun).list().ofMaxSize(3)
                .map(list -> String.join("", list));
        return Arbitraries.frequencyOf(
                Tuple.of(2, anyChars), Tuple.of(2, anyCodePoints),
                Tuple.of(3, pieces), Tuple.of(2, longRun), Tuple.of(3, mixed));
    }

    @Property(tries = 100)
    void page_parser_refuses_or_reads_any_text(@ForAll("adversarial") String text) {
        PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));
        withinBudget(text.length(), () -> parser.parse(text));
        withinBudget(text.length(), () -> parser.parse(text + "\n\n" + text.replace('\n', ' ') + " and more words"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        withinBudget(bytes.length, () -> parser.parse(bytes));
    }

    @Property(tries = 100)
    void page_entries_hold_no_nul_lone_surrogate_or_control(@ForAll("adversarial") String text) {
        String page = "A Title Above Odd Text\n\n" + text.replace("\n", " ") + " and then an abstract long enough.\n";
        PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));
        withinBudget(page.length(), () -> {
            ParsedDigest parsed = parser.parse(page);
            parsed.entries().forEach(ParserProperties::assertStorable);
            return parsed;
        });
    }

    @Property(tries = 100)
    void json_parser_refuses_or_reads_any_field_values(@ForAll("adversarial") String title,
            @ForAll("adversarial") String abstractText, @ForAll("adversarial") String other) {
        String texts = "{\"entries\": [{\"title\": " + quoted(title) + ", \"abstract\": " + quoted(abstractText)
                + "}, {\"title\": \"Second\", \"abstract\": " + quoted(title) + "}]}";
        String fields = "{\"date\": " + quoted(other) + ", \"source\": " + quoted(other) + ", \"entries\": [{\"title\": "
                + quoted(other) + ", \"url\": " + quoted(other) + ", \"arxivId\": " + quoted(other) + "}]}";
        for (String json : List.of(texts, fields)) {
            withinBudget(json.length(), () -> {
                ParsedDigest parsed = new JsonDigestParser().parse(json.getBytes(StandardCharsets.UTF_8));
                parsed.entries().forEach(ParserProperties::assertStorable);
                parsed.source().ifPresent(ParserProperties::assertStorable);
                return parsed;
            });
        }
    }

    @Property(tries = 100)
    void hugging_face_parser_refuses_or_reads_any_field_values(@ForAll("adversarial") String title,
            @ForAll("adversarial") String summary, @ForAll("adversarial") String other) {
        String json = "[{\"publishedAt\": " + quoted(other) + ", \"paper\": {\"id\": " + quoted(other)
                + ", \"title\": " + quoted(title) + ", \"summary\": " + quoted(summary) + ", \"publishedAt\": "
                + quoted("2024-03-11T00:00:00.000Z") + "}}]";
        withinBudget(json.length(), () -> new JsonDigestParser().parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 100)
    void json_parser_refuses_or_reads_any_body(@ForAll("adversarial") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        withinBudget(bytes.length, () -> new JsonDigestParser().parse(bytes));
    }

    @Property(tries = 100)
    void atom_parser_refuses_or_reads_any_text_in_any_element(@ForAll("adversarial") String title,
            @ForAll("adversarial") String summary, @ForAll("adversarial") String other) {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>" + escaped(other) + "</id><title>"
                + escaped(title) + "</title><summary type=\"html\">" + escaped(summary) + "</summary><link href=\""
                + escaped(other) + "\"/><published>" + escaped(other) + "</published></entry><entry><title>"
                + other + "</title></entry></feed>";
        byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
        withinBudget(bytes.length, () -> new AtomDigestParser().parse(bytes));
    }

    @Property(tries = 100)
    void atom_parser_refuses_or_reads_any_body(@ForAll("adversarial") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        withinBudget(bytes.length, () -> new AtomDigestParser().parse(bytes));
    }

    @Property(tries = 150)
    void identity_functions_take_any_title_and_id(@ForAll("adversarial") String title, @ForAll("adversarial") String id) {
        withinBudget(title.length() + id.length(), () -> {
            String paperId = PaperIdentity.paperId(ArxivId.parse(id).orElse(null), title, Map.of());
            assertThat(paperId).matches("(arxiv-[A-Za-z0-9._-]+|title-[0-9a-f]{16})");
            PaperIdentity.normalizedTitle(title);
            return paperId;
        });
        String cleanTitle = Text.singleLine(title);
        if (!cleanTitle.isEmpty() && cleanTitle.length() <= Digest.MAX_TITLE_LENGTH) {
            ParsedDigest parsed = new ParsedDigest(Optional.empty(), Optional.empty(),
                    List.of(new ParsedEntry(cleanTitle, Text.paragraphs(id), null, null)));
            withinBudget(title.length() + id.length(), () -> Digest.assemble(parsed, LocalDate.of(2024, 3, 14),
                    "s", Optional.of("key"), Map.of()));
        }
    }

    @Property(tries = 150)
    void text_functions_take_any_text(@ForAll("adversarial") String text) {
        withinBudget(text.length(), () -> {
            assertStorable(Text.clean(text));
            assertStorable(Text.singleLine(text));
            assertStorable(Text.paragraphs(text));
            return Text.containsUrl(text);
        });
    }

    /** The scanner that replaced a backtracking regular expression finds exactly the links it found. */
    @Property(tries = 1_000)
    void link_scan_agrees_with_the_regular_expression_it_replaced(@ForAll("shortLinkish") String text) {
        Pattern url = Pattern.compile("(?i)(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)+/\\S*");
        assertThat(Text.containsUrl(text)).as(text).isEqualTo(url.matcher(text).find());
        String word = text.replace(" ", "").replace("\n", "");
        assertThat(Text.isUrl(word)).as(word).isEqualTo(url.matcher(word).matches());
    }

    @Provide
    Arbitrary<String> shortLinkish() {
        return Arbitraries.of("h", "t", "p", "s", "H", "T", "P", "S", ":", "/", "//", "w", "W", "www.", "http://",
                "https://", ".", "..", "-", "_", "a", "Z", "0", "é", "\u0301", "\u0663", " ", "\n", "x.y", "\uD835\uDC00")
                .list().ofMaxSize(12).map(list -> String.join("", list));
    }

    /** At most 30,000 characters: long enough for any quadratic scan to blow its budget, short enough for the suite. */
    private static String truncated(String text) {
        return text.length() <= 30_000 ? text : text.substring(0, 30_000);
    }

    private static <T> void withinBudget(int length, Supplier<T> call) {
        long started = THREADS.getCurrentThreadCpuTime();
        try {
            call.get();
        } catch (InvalidDigestException | DigestTooLargeException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        Duration took = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - started);
        assertThat(took).as("input of %d characters", length).isLessThan(budget(length));
    }

    private static void assertStorable(ParsedEntry entry) {
        assertStorable(entry.title());
        assertStorable(entry.abstractText());
        if (entry.url() != null) {
            assertThat(entry.url()).startsWith("http");
        }
    }

    private static void assertStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertThat(c).as("character %d of %s", i, text).isNotEqualTo('\u0000');
            assertThat(Character.isISOControl(c) && c != '\n').as("control at %d", i).isFalse();
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))).as("pair at %d", i).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }

    /** A JSON string literal; a lone surrogate becomes its \\u escape, as a JSON writer may send it. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** XML text: markup escaped; characters XML cannot hold are left in, for the parser to refuse. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
