package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The reproducers and the shrunk counter-examples of {@link ParserProperties}, each with the answer a sender
 * sees. Each used to overflow the stack, loop, or take seconds; the budget (2 s, for a loaded machine) is far above
 * the milliseconds they take now.
 */
class HostileTextTest {

    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final PageDigestParser page = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));

    @Test
    void a_long_dotted_word_in_an_abstract_is_read() {
        String dotted = "a.".repeat(20_000) + "b";
        ParsedDigest digest = assertTimeoutPreemptively(BUDGET,
                () -> page.parse("A Title Before a Dotted Word\n\nThe abstract holds " + dotted + " and goes on .\n"));

        assertThat(digest.entries().get(0).abstractText()).isEqualTo("The abstract holds " + dotted + " and goes on.");
    }

    @Test
    void a_hundred_kilobyte_word_of_dot_a_pairs_then_a_spaced_full_stop_is_read() {
        String word = ".a".repeat(50_000);
        ParsedDigest digest = assertTimeoutPreemptively(BUDGET,
                () -> page.parse("A Title Before a Long Word\n\nIt reads " + word + " .\n"));

        assertThat(digest.entries().get(0).abstractText()).isEqualTo("It reads " + word + ".");
    }

    @Test
    void a_url_followed_by_95000_closing_brackets_is_read() {
        String abstractText = "Code at https://github.com/example/x" + ")".repeat(95_000) + " .";
        ParsedDigest digest = assertTimeoutPreemptively(BUDGET,
                () -> page.parse("A Title Before Many Brackets\n\n" + abstractText + "\n"));

        assertThat(digest.entries().get(0).abstractText()).isEqualTo(abstractText);
    }

    @Test
    void many_short_words_before_slashes_are_scanned_once() {
        String slashes = "ab/".repeat(100_000);
        assertThat(assertTimeoutPreemptively(BUDGET, () -> Text.containsUrl(slashes))).isFalse();
        assertThat(assertTimeoutPreemptively(BUDGET, () -> Text.containsUrl(slashes + " x.io/"))).isTrue();
        assertThat(assertTimeoutPreemptively(BUDGET, () -> Text.tidyPunctuation("x ".repeat(100_000) + "."))).hasSize(200_000);
    }

    @Test
    void a_long_run_of_combining_marks_keeps_thirty_and_normalizes_fast() {
        String zalgo = "a" + "\u0301".repeat(20_000) + "\u0316".repeat(20_000) + " b";

        String cleaned = assertTimeoutPreemptively(BUDGET, () -> Text.clean(zalgo));

        assertThat(cleaned).isEqualTo("\u00E1" + "\u0301".repeat(29) + " b");
        assertThat(Text.clean("e\u0000\u0301".repeat(3))).isEqualTo("\u00E9".repeat(3));
    }

    @Test
    void nul_controls_and_lone_surrogates_are_dropped_and_pairs_kept() {
        assertThat(Text.singleLine("Nul\u0000 \uD800lone\uDC00 \uD83D\uDE00 pair\u0007")).isEqualTo("Nul lone \uD83D\uDE00 pair");
        assertThat(Text.clean("end\uD83D")).isEqualTo("end");
    }

    @Test
    void atom_titles_nested_ten_thousand_and_three_hundred_thousand_deep_are_refused() {
        for (int depth : List.of(10_000, 300_000)) {
            String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>" + "<title>".repeat(depth) + "x"
                    + "</title>".repeat(depth) + "</entry></feed>";
            assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET,
                    () -> new AtomDigestParser().parse(feed.getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(InvalidDigestException.class)
                    .hasMessage("The feed nests elements more than 64 deep (line 1); an Atom feed needs about five levels.");
        }
    }

    @Test
    void html_summaries_with_unclosed_tags_are_read_in_linear_time() {
        assertThat(assertTimeoutPreemptively(BUDGET, () -> AtomDigestParser.withoutTags("<".repeat(200_000))))
                .hasSize(200_000);
        assertThat(AtomDigestParser.withoutTags("a<b>c<d")).isEqualTo("a c<d");
    }

    @Test
    void a_javascript_link_in_an_atom_entry_is_dropped_and_the_next_http_link_kept() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Links</title>
                <link href="javascript:alert(1)"/><link rel="alternate" href="data:text/html,x"/>
                <link href="https://arxiv.org/abs/2403.01234"/></entry>
                <entry><title>Only Script</title><link href=" JavaScript:alert(1)"/></entry></feed>""";

        List<ParsedEntry> entries = new AtomDigestParser().parse(feed.getBytes(StandardCharsets.UTF_8)).entries();

        assertThat(entries).extracting(ParsedEntry::url).containsExactly("https://arxiv.org/abs/2403.01234", null);
    }

    @Test
    void fields_over_their_limit_as_sent_are_refused_naming_the_field() {
        assertThatThrownBy(() -> json("{\"entries\": [{\"title\": \"" + " ".repeat(1_001) + "x\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("entries[0].title has 1002 characters; the limit is 1000.");
        assertThatThrownBy(() -> json("{\"entries\": [{\"title\": \"T\", \"url\": \"https://e.org/" + "a".repeat(2_000) + "\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("entries[0].url has 2014 characters; the limit is 2000.");
        assertThatThrownBy(() -> json("{\"source\": \"" + "s".repeat(101) + "\", \"entries\": [{\"title\": \"T\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("digest.source has 101 characters; the limit is 100.");
        assertThatThrownBy(() -> json("{\"entries\": [{\"title\": \"T\", \"arxivId\": \"" + "1".repeat(101) + "\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("entries[0].arxivId has 101 characters; the limit is 100.");
        assertThatThrownBy(() -> json("{\"entries\": [{\"title\": \"T\", \"abstract\": \"" + "a".repeat(100_001) + "\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("entries[0].abstract has 100001 characters; the limit is 100000.");
    }

    @Test
    void more_entries_than_the_limit_are_refused_by_every_parser_before_reading_them() {
        assertThatThrownBy(() -> new JsonDigestParser(2).parse(bytes("{\"entries\": [{}, {}, {}]}")))
                .isInstanceOf(DigestTooLargeException.class)
                .hasMessage("The digest has 3 entries; at most 2 are accepted per digest. Split it into smaller digests.");
        assertThatThrownBy(() -> new JsonDigestParser(2).parse(bytes("[1, 2, 3]")))
                .isInstanceOf(DigestTooLargeException.class).hasMessageContaining("3 entries; at most 2");
        assertThatThrownBy(() -> new AtomDigestParser(1).parse(bytes(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/><entry/></feed>")))
                .isInstanceOf(DigestTooLargeException.class).hasMessageContaining("2 entries; at most 1");
        String twoPapers = "First Paper\n\nIts abstract is longer than its title.\n\nSecond Paper\n\nSo is this abstract here.\n";
        assertThatThrownBy(() -> new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024), 1).parse(twoPapers))
                .isInstanceOf(DigestTooLargeException.class).hasMessageContaining("2 entries; at most 1");
    }

    @Test
    void dates_outside_four_digit_years_are_refused_naming_where_they_came_from() {
        assertThatThrownBy(() -> json("{\"date\": \"+6000000-01-01\", \"entries\": [{\"title\": \"T\"}]}"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("\"date\" is +6000000-01-01, out of range: dates are accepted from 1000-01-01 to 9999-12-31.");
        assertThatThrownBy(() -> json("[{\"publishedAt\": \"0999-12-31T00:00:00Z\", \"paper\": {\"title\": \"T\"}}]"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessage("[0].publishedAt is 0999-12-31, out of range: dates are accepted from 1000-01-01 to 9999-12-31.");
        assertThatThrownBy(() -> new AtomDigestParser().parse(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                + "<title>T</title><published>+10000-01-01T00:00:00Z</published></entry></feed>")))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining("Atom entry 1 <published> is +10000-01-01");
        assertThatThrownBy(() -> page.parse("Mar 14, 0999\n\nA Title\n\nAn abstract longer than the title.\n"))
                .isInstanceOf(InvalidDigestException.class)
                .hasMessageContaining("The date line \"Mar 14, 0999\" is 0999-03-14, out of range");
    }

    @Test
    void titles_without_letters_or_digits_do_not_merge_distinct_papers() {
        ParsedDigest parsed = new ParsedDigest(Optional.empty(), Optional.empty(), List.of(
                new ParsedEntry("\uD83D\uDE80\uD83D\uDE80", "rockets", null, null),
                new ParsedEntry("\uD83D\uDD25", "fire", null, null),
                new ParsedEntry("?!", "questions", null, null),
                new ParsedEntry("...", "dots", null, null),
                new ParsedEntry("\uD83D\uDE80 \uD83D\uDE80", "the rockets again, spaced", null, null)));

        Digest digest = Digest.assemble(parsed, LocalDate.of(2024, 3, 14), "s", Optional.empty(), Map.of());

        assertThat(digest.entries()).extracting(Entry::title)
                .containsExactly("\uD83D\uDE80\uD83D\uDE80", "\uD83D\uDD25", "?!", "...");
        assertThat(digest.duplicates()).isEqualTo(1);
        assertThat(PaperIdentity.paperId(null, "LoRA!")).isEqualTo(PaperIdentity.paperId(null, "lora"));
    }

    @Test
    void an_entry_whose_enriched_event_could_outgrow_the_broker_is_bounded_above_it() {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            links.append("a.io/").append(i).append(' ');
        }
        Entry linky = new Entry(1, "title-x", null, "Links", links.toString(), null, List.of(), List.of(), null);
        Entry prose = new Entry(1, "title-y", null, "Prose", "We study words. ".repeat(6_000), null, List.of(), List.of(), null);

        assertThat(EnrichedEventSize.upperBound(linky, 80_000)).isGreaterThan(1_048_576);
        assertThat(EnrichedEventSize.upperBound(prose, 100_000)).isLessThan(200_000);
    }

    private static ParsedDigest json(String json) {
        return new JsonDigestParser().parse(bytes(json));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
