package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.property.HostileText;
import dev.paperstream.devstack.property.PropertyCheck;
import dev.paperstream.devstack.property.PropertyCheck.Budget;

/**
 * Every ingest parser and identity function on random and adversarial Unicode: each call returns or refuses with
 * the documented {@link InvalidDigestException} or {@link DigestTooLargeException}, never anything else, and within
 * {@link #BUDGET a CPU-time budget} for its input's size (README, "Property tests"). Runs on devstack's
 * {@link PropertyCheck}; {@code -Dpaperstream.property.seed=N} replays a failing run.
 */
class ParserPropertiesTest {

    /** Odd pieces that broke scanners before: dots, brackets, digits, links, marks, controls, surrogates, RTL. */
    private static final List<String> PIECES = List.of(".", "a.", ".a", "x.", "(", ")", "[", "]", "{", "}", "0", "12",
            "2024.", "http://", "https://", "www.", "/", "a.b/", " ", "  ", "\n", "\n\n", "\r\n", "\t", " .", " ,",
            "\u0000", "\u0001", "\u007F", "\u0085", "\uD800", "\uDC00", "\uD83D\uDE00", "\u0301", "\u0316", "\u20DD",
            "\u202E", "\u05D0", "\u0627", "\u200B", "\uFEFF", "\u00AD", "\u2028", "\uFB2C", "\uFDFA", "\u1E9B\u0323",
            "É", "Überblick", "以", "llama", " it", "-", "_", ":", ";", "…", "&", "<", ">", "\"", "\\", "'",
            "Mar 14", "2024-03-14", "arXiv:2403.01234v2");

    private static final List<String> LINKISH = List.of("h", "t", "p", "s", "H", "T", "P", "S", ":", "/", "//", "w",
            "W", "www.", "http://", "https://", ".", "..", "-", "_", "a", "Z", "0", "é", "\u0301", "\u0663", " ", "\n",
            "x.y", "\uD835\uDC00");

    /**
     * Generous for a loaded 2-core machine: 1 s plus 20 µs per character (3 s for 100,000) of the calling thread's
     * CPU time, so time spent waiting for a core other builds hold does not count; a scan quadratic in its input
     * needs far more.
     */
    static final Budget BUDGET = new Budget(1_000, 200);

    /** Tries per property: enough to hit every kind of input many times, few enough for the class to take seconds. */
    private static final int TRIES = 100;
    private static final int IDENTITY_TRIES = 150;

    /** Whole-input kinds, weighted: raw UTF-16 units 2, code points 2, pieces 3, one long run 2, a mix of those 3. */
    static String adversarial(SplittableRandom random) {
        int roll = random.nextInt(12);
        if (roll < 9) {
            return single(random, roll < 2 ? 0 : roll < 4 ? 1 : roll < 7 ? 2 : 3);
        }
        StringBuilder mixed = new StringBuilder();
        for (int parts = random.nextInt(4); parts > 0; parts--) {
            mixed.append(single(random, random.nextInt(4)));
        }
        return mixed.toString();
    }

    private static String single(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> HostileText.anyChars(random, 200);
            case 1 -> HostileText.anyCodePoints(random, 100);
            case 2 -> pieces(random, PIECES, 300);
            default -> truncated(piece(random, PIECES).repeat(1 + random.nextInt(20_000))) + piece(random, PIECES);
        };
    }

    /** Short texts of link-like pieces, where the scanner and the regular expression it replaced may disagree. */
    static String shortLinkish(SplittableRandom random) {
        return pieces(random, LINKISH, 12);
    }

    private static String pieces(SplittableRandom random, List<String> from, int maxCount) {
        StringBuilder text = new StringBuilder();
        for (int count = random.nextInt(maxCount + 1); count > 0; count--) {
            text.append(piece(random, from));
        }
        return text.toString();
    }

    private static String piece(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    @Test
    void page_parser_refuses_or_reads_any_text() {
        PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));
        PropertyCheck.forAll("page text", TRIES, ParserPropertiesTest::adversarial, text -> {
            withinBudget(text.length(), () -> parser.parse(text));
            withinBudget(text.length(), () -> parser.parse(text + "\n\n" + text.replace('\n', ' ') + " and more words"));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            withinBudget(bytes.length, () -> parser.parse(bytes));
        });
    }

    @Test
    void page_entries_hold_no_nul_lone_surrogate_or_control() {
        PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));
        PropertyCheck.forAll("page entries", TRIES, ParserPropertiesTest::adversarial, text -> {
            String page = "A Title Above Odd Text\n\n" + text.replace("\n", " ") + " and then an abstract long enough.\n";
            withinBudget(page.length(), () -> {
                ParsedDigest parsed = parser.parse(page);
                parsed.entries().forEach(ParserPropertiesTest::assertStorable);
                return parsed;
            });
        });
    }

    @Test
    void json_parser_refuses_or_reads_any_field_values() {
        PropertyCheck.forAll("json fields", TRIES, 3, ParserPropertiesTest::adversarial, inputs -> {
            String title = inputs.get(0);
            String abstractText = inputs.get(1);
            String other = inputs.get(2);
            String texts = "{\"entries\": [{\"title\": " + quoted(title) + ", \"abstract\": " + quoted(abstractText)
                    + "}, {\"title\": \"Second\", \"abstract\": " + quoted(title) + "}]}";
            String fields = "{\"date\": " + quoted(other) + ", \"source\": " + quoted(other) + ", \"entries\": [{\"title\": "
                    + quoted(other) + ", \"url\": " + quoted(other) + ", \"arxivId\": " + quoted(other) + "}]}";
            for (String json : List.of(texts, fields)) {
                withinBudget(json.length(), () -> {
                    ParsedDigest parsed = new JsonDigestParser().parse(json.getBytes(StandardCharsets.UTF_8));
                    parsed.entries().forEach(ParserPropertiesTest::assertStorable);
                    parsed.source().ifPresent(ParserPropertiesTest::assertStorable);
                    return parsed;
                });
            }
        });
    }

    @Test
    void hugging_face_parser_refuses_or_reads_any_field_values() {
        PropertyCheck.forAll("hugging face fields", TRIES, 3, ParserPropertiesTest::adversarial, inputs -> {
            String other = inputs.get(2);
            String json = "[{\"publishedAt\": " + quoted(other) + ", \"paper\": {\"id\": " + quoted(other)
                    + ", \"title\": " + quoted(inputs.get(0)) + ", \"summary\": " + quoted(inputs.get(1))
                    + ", \"publishedAt\": " + quoted("2024-03-11T00:00:00.000Z") + "}}]";
            withinBudget(json.length(), () -> new JsonDigestParser().parse(json.getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void json_parser_refuses_or_reads_any_body() {
        PropertyCheck.forAll("json body", TRIES, ParserPropertiesTest::adversarial, body -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            withinBudget(bytes.length, () -> new JsonDigestParser().parse(bytes));
        });
    }

    @Test
    void atom_parser_refuses_or_reads_any_text_in_any_element() {
        PropertyCheck.forAll("atom elements", TRIES, 3, ParserPropertiesTest::adversarial, inputs -> {
            String other = inputs.get(2);
            String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>" + escaped(other) + "</id><title>"
                    + escaped(inputs.get(0)) + "</title><summary type=\"html\">" + escaped(inputs.get(1))
                    + "</summary><link href=\"" + escaped(other) + "\"/><published>" + escaped(other)
                    + "</published></entry><entry><title>" + other + "</title></entry></feed>";
            byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
            withinBudget(bytes.length, () -> new AtomDigestParser().parse(bytes));
        });
    }

    @Test
    void atom_parser_refuses_or_reads_any_body() {
        PropertyCheck.forAll("atom body", TRIES, ParserPropertiesTest::adversarial, body -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            withinBudget(bytes.length, () -> new AtomDigestParser().parse(bytes));
        });
    }

    @Test
    void identity_functions_take_any_title_and_id() {
        PropertyCheck.forAll("identity", IDENTITY_TRIES, 2, ParserPropertiesTest::adversarial, inputs -> {
            String title = inputs.get(0);
            String id = inputs.get(1);
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
        });
    }

    @Test
    void text_functions_take_any_text() {
        PropertyCheck.forAll("text", IDENTITY_TRIES, ParserPropertiesTest::adversarial, text ->
                withinBudget(text.length(), () -> {
                    assertStorable(Text.clean(text));
                    assertStorable(Text.singleLine(text));
                    assertStorable(Text.paragraphs(text));
                    return Text.containsUrl(text);
                }));
    }

    /** The scanner that replaced a backtracking regular expression finds exactly the links it found. */
    @Test
    void link_scan_agrees_with_the_regular_expression_it_replaced() {
        Pattern url = Pattern.compile("(?i)(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)+/\\S*");
        PropertyCheck.forAll("link scan", 1_000, ParserPropertiesTest::shortLinkish, text -> {
            assertThat(Text.containsUrl(text)).as(text).isEqualTo(url.matcher(text).find());
            String word = text.replace(" ", "").replace("\n", "");
            assertThat(Text.isUrl(word)).as(word).isEqualTo(url.matcher(word).matches());
        });
    }

    /** At most 30,000 characters: long enough for any quadratic scan to blow its budget, short enough for the suite. */
    private static String truncated(String text) {
        return text.length() <= 30_000 ? text : text.substring(0, 30_000);
    }

    /** The call returns or refuses with a documented exception and a message, within its CPU-time budget. */
    private static <T> void withinBudget(int length, Supplier<T> call) {
        PropertyCheck.withinBudget(BUDGET, length, () -> {
            try {
                return call.get();
            } catch (InvalidDigestException | DigestTooLargeException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return null;
            }
        });
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
