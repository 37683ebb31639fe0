package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageDigestParserTest {

    private static final List<String> CHROME = List.of("Get trending papers", "Subscribe", "byAK", "research community");

    private final PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2026));

    @Test
    void sample_page_gives_104_entries_from_pat_to_cdr() {
        ParsedDigest digest = parser.parse(SampleDigest.page());

        List<ParsedEntry> entries = digest.entries();
        assertThat(entries).hasSize(SampleDigest.ENTRIES);
        assertThat(entries.get(0).title()).isEqualTo(SampleDigest.FIRST_TITLE);
        assertThat(entries.get(entries.size() - 1).title()).isEqualTo(SampleDigest.LAST_TITLE);
        assertThat(entries).extracting(ParsedEntry::title).contains(
                "TÜLU 3: Pushing Frontiers in Open Language Model Post-Training",
                "2 OLMo 2 Furious",
                "Who's Harry Potter? Approximate Unlearning in LLMs");
        assertThat(digest.date()).contains(LocalDate.of(2026, 3, 14));
    }

    @Test
    void no_chrome_line_becomes_an_entry_or_leaks_into_an_abstract() {
        for (ParsedEntry entry : parser.parse(SampleDigest.page()).entries()) {
            for (String chrome : CHROME) {
                assertThat(entry.title()).doesNotContain(chrome);
                assertThat(entry.abstractText()).doesNotContain(chrome);
            }
            assertThat(entry.title()).isNotIn("new", "Mar 14");
            assertThat(entry.abstractText()).isNotBlank().doesNotStartWith("Mar 14").doesNotContain("\n\n");
        }
    }

    @Test
    void links_in_abstracts_stay_intact() {
        List<ParsedEntry> entries = parser.parse(SampleDigest.page()).entries();

        assertThat(entries.get(0).abstractText())
                .endsWith("Code: https://github.com/kriskrisliu/PAT_Pruning-Aware-Tuning");
        assertThat(entries).filteredOn(e -> e.title().startsWith("Distilling Step-by-Step!")).singleElement()
                .extracting(ParsedEntry::abstractText).asString()
                .contains("https://github.com/google-research/distilling-step-by-step ");
    }

    @Test
    void crlf_bom_trailing_spaces_and_missing_chrome_give_the_same_entries() {
        List<ParsedEntry> expected = parser.parse(SampleDigest.page()).entries();
        String crlf = "\uFEFF" + SampleDigest.page().replace("\n", "  \r\n").replace("\r\n  \r\n", "\r\n\u00A0\t\r\n");
        String withoutChrome = SampleDigest.page().substring(SampleDigest.page().indexOf(SampleDigest.FIRST_TITLE));

        assertThat(parser.parse(crlf.getBytes(StandardCharsets.UTF_8)).entries()).isEqualTo(expected);
        assertThat(parser.parse(withoutChrome).entries()).isEqualTo(expected);
    }

    @Test
    void hard_wrapped_abstracts_with_paragraph_breaks_keep_titles_and_words() {
        List<ParsedEntry> expected = parser.parse(SampleDigest.page()).entries();
        StringBuilder page = new StringBuilder("Mar 14\n\n");
        for (int i = 0; i < expected.size(); i++) {
            ParsedEntry entry = expected.get(i);
            page.append(entry.title()).append("\n\n");
            String text = entry.abstractText();
            int split = text.indexOf(". ", text.length() / 2);
            if (i % 3 == 0 && split > 0) {
                page.append(wrap(text.substring(0, split + 1), 72)).append("\n\n");
                page.append(wrap(text.substring(split + 2), 72)).append("\n\n");
            } else {
                page.append(wrap(text, 72)).append("\n\n");
            }
        }

        List<ParsedEntry> entries = parser.parse(page.toString()).entries();

        assertThat(entries).extracting(ParsedEntry::title).isEqualTo(expected.stream().map(ParsedEntry::title).toList());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).abstractText().replace("\n\n", " ")).isEqualTo(expected.get(i).abstractText());
        }
        assertThat(entries.get(0).abstractText()).contains(".\n\n");
    }

    @Test
    void short_lines_ending_an_abstract_are_not_titles_and_an_ambiguous_one_is_reported() {
        String page = """
                Sparse Adapters for Tiny Models

                We adapt tiny models with sparse adapters and show it works well on many tasks, with few parameters.

                Code: github.com/example/sparse-adapters

                Project page

                Dense Retrieval Without Labels

                We train a dense retriever with no labels at all, and it beats a supervised baseline on four benchmarks
                while using a tenth of the compute.
                Our results are available at

                https://example.org/dense
                """;

        ParsedDigest digest = parser.parse(page);
        List<ParsedEntry> entries = digest.entries();

        assertThat(entries).extracting(ParsedEntry::title)
                .containsExactly("Sparse Adapters for Tiny Models", "Dense Retrieval Without Labels");
        assertThat(entries.get(0).abstractText()).isEqualTo("We adapt tiny models with sparse adapters and show it "
                + "works well on many tasks, with few parameters.\n\nCode: github.com/example/sparse-adapters");
        assertThat(entries.get(1).abstractText()).endsWith("at\n\nhttps://example.org/dense");
        // "Project page" may end the first abstract or be a title whose abstract is the next title-like line
        assertThat(digest.unplaced()).containsExactly(new UnplacedLines("7",
                "a title-like line followed by another: the end of the abstract above, or a title"));
    }

    @Test
    void a_title_with_dotted_version_names_is_a_title_not_a_link() {
        String page = """
                Laguna M.1/XS.2 Technical Report

                We describe two open models, how they were trained and how they compare with others of their size.

                Sparse Adapters for Tiny Models

                We adapt tiny models with sparse adapters and show it works well on many tasks, with few parameters.
                """;

        ParsedDigest digest = parser.parse(page);

        assertThat(digest.entries()).extracting(ParsedEntry::title)
                .containsExactly("Laguna M.1/XS.2 Technical Report", "Sparse Adapters for Tiny Models");
        assertThat(digest.unplaced()).isEmpty();
    }

    @Test
    void sentence_case_and_question_titles_are_titles() {
        String page = """
                Can machines be uncertain?

                We ask whether a machine can be uncertain in the sense people are, and answer with three experiments.

                Replaying pre-training data improves fine-tuning

                Mixing a little of the pre-training data into fine-tuning keeps what the model knew and helps it learn.
                """;

        assertThat(parser.parse(page).entries()).extracting(ParsedEntry::title)
                .containsExactly("Can machines be uncertain?", "Replaying pre-training data improves fine-tuning");
    }

    @Test
    void a_sentence_on_a_line_of_its_own_inside_an_abstract_is_reported_not_made_a_paper() {
        String page = """
                Sparse Adapters for Tiny Models

                We adapt tiny models with sparse adapters and show it works well on many tasks.

                We release our code and the adapters for everyone

                Experiments on nine benchmarks show gains of two points on average over dense adapters.

                Dense Retrieval Without Labels

                We train a dense retriever with no labels at all, and it beats a supervised baseline on four benchmarks.
                """;

        ParsedDigest digest = parser.parse(page);

        assertThat(digest.entries()).extracting(ParsedEntry::title)
                .containsExactly("Sparse Adapters for Tiny Models", "Dense Retrieval Without Labels");
        assertThat(digest.entries().get(0).abstractText())
                .isEqualTo("We adapt tiny models with sparse adapters and show it works well on many tasks.");
        assertThat(digest.unplaced()).containsExactly(new UnplacedLines("5-7", "a line that reads like a sentence "
                + "without its final punctuation: a paragraph of the abstract above, or a title"));
    }

    @Test
    void lines_of_a_wrapped_abstract_each_on_a_paragraph_of_their_own_are_not_titles() {
        String page = """
                Regression Tests for Agents

                Autonomous AI agents are deployed at scale, yet no principled method exists for

                verifying that an agent has not regressed after changes to its prompts (GPT-5, Claude

                4.6, Llama-4), its tools or its models. We present a framework that needs few runs.
                """;

        ParsedDigest digest = parser.parse(page);

        assertThat(digest.entries()).extracting(ParsedEntry::title).containsExactly("Regression Tests for Agents");
        assertThat(digest.entries().get(0).abstractText().split("\n\n")).hasSize(3);
        assertThat(digest.unplaced()).isEmpty();
    }

    @Test
    void text_before_the_first_title_and_after_the_last_abstract_is_reported_with_its_lines() {
        String page = """
                Trending Today

                Sparse Adapters for Tiny Models

                We adapt tiny models with sparse adapters and show it works well on many tasks, with few parameters.

                Load More Papers
                """;

        ParsedDigest digest = parser.parse(page);

        assertThat(digest.entries()).extracting(ParsedEntry::title).containsExactly("Sparse Adapters for Tiny Models");
        assertThat(digest.unplaced()).containsExactly(
                new UnplacedLines("1", "text before the first title"),
                new UnplacedLines("7", "a title-like line with no abstract after it"));
    }

    @Test
    void a_page_with_text_but_no_title_is_refused_naming_its_lines() {
        assertThatThrownBy(() -> parser.parse("Some Heading\n\nsome text that never had a title above it.\n"))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining("No entry found")
                .hasMessageContaining("lines 1-3");
    }

    @Test
    void space_before_punctuation_is_dropped_except_after_a_link() {
        String page = "Odd Spacing in Practice\n\nWe find that results improve , and then stop . See https://example.org/x . Done .\n";

        ParsedEntry entry = parser.parse(page).entries().get(0);

        assertThat(entry.abstractText()).isEqualTo("We find that results improve, and then stop. See https://example.org/x . Done.");
    }

    @Test
    void decomposed_accents_are_composed_and_non_ascii_titles_kept() {
        String decomposed = Normalizer.normalize("Élan: Réseaux de Neurones pour le Français", Normalizer.Form.NFD);
        String page = decomposed + "\n\nNous présentons un modèle de langue entraîné sur des textes français, et il marche bien.\n";

        assertThat(parser.parse(page).entries().get(0).title()).isEqualTo("Élan: Réseaux de Neurones pour le Français");
    }

    @Test
    void date_lines_name_the_date_with_or_without_a_year() {
        String paper = "\n\nA Paper Title Here\n\nAn abstract that is longer than the title of the paper, as abstracts are.\n";

        assertThat(parser.parse("March 14, 2024" + paper).date()).contains(LocalDate.of(2024, 3, 14));
        assertThat(parser.parse("Thursday, Mar 14" + paper).date()).contains(LocalDate.of(2026, 3, 14));
        assertThat(parser.parse("14 Mar 2025" + paper).date()).contains(LocalDate.of(2025, 3, 14));
        assertThat(parser.parse("2024-02-29" + paper).date()).contains(LocalDate.of(2024, 2, 29));
        assertThat(parser.parse(paper.strip()).date()).isEmpty();
        assertThatThrownBy(() -> parser.parse("Feb 30" + paper))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining("Feb 30");
    }

    @Test
    void pages_without_a_paper_are_refused() {
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(InvalidDigestException.class)
                .hasMessageContaining("No entry found");
        assertThatThrownBy(() -> parser.parse("new\n\nSubscribe\n\nMar 14\n")).isInstanceOf(InvalidDigestException.class);
        assertThatThrownBy(() -> parser.parse("just one line")).isInstanceOf(InvalidDigestException.class);
    }

    @Test
    void invalid_utf8_is_refused_with_its_offset() {
        byte[] body = {'T', 'i', 't', 'l', 'e', '\n', '\n', (byte) 0xC3, (byte) 0x28};

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(InvalidDigestException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("offset 7");
    }

    @Test
    void a_multi_megabyte_line_is_read_in_linear_time() {
        String line = "A-b ".repeat(1_000_000) + ".";
        String page = "A Title Above a Giant Line\n\n" + line + "\n";

        ParsedDigest digest = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parser.parse(page));

        assertThat(digest.entries().get(0).abstractText()).hasSize(line.length() - 1);
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> parser.parse("x".repeat(4_000_000) + " ."))).isInstanceOf(InvalidDigestException.class);
    }

    private static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }
}
