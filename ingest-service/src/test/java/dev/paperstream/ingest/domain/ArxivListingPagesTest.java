package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.paperstream.ingest.domain.ArxivListings.Paper;

/**
 * Every day of the real arXiv listings, rendered as a digest page, splits into exactly its papers: the same titles in
 * the same order, each abstract with all its text and nothing of its neighbours, and no line left unplaced.
 */
class ArxivListingPagesTest {

    /** arXiv starts a new paragraph of an abstract on an indented line. */
    private static final Pattern ARXIV_PARAGRAPH = Pattern.compile("\n  ");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s(?=\\p{Lu})");

    private final PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2026));

    static Stream<Arguments> days() {
        return Stream.of(
                Arguments.of("2025-06-02", 340),
                Arguments.of("2025-06-03", 516),
                Arguments.of("2026-03-02", 161),
                Arguments.of("2026-03-03", 161),
                Arguments.of("2026-03-04", 197),
                Arguments.of("2026-03-05", 228),
                Arguments.of("2026-03-06", 246));
    }

    @ParameterizedTest(name = "{0}: {1} papers")
    @MethodSource("days")
    void a_listing_day_as_a_page_gives_exactly_its_papers(String day, int papers) {
        List<Paper> listing = ArxivListings.day(day);
        StringBuilder page = new StringBuilder();
        for (Paper paper : listing) {
            page.append(paper.title()).append("\n\n").append(paper.abstractText()).append("\n\n");
        }

        ParsedDigest digest = parser.parse(page.toString());

        assertThat(digest.entries()).hasSize(papers);
        assertThat(digest.unplaced()).isEmpty();
        assertThat(digest.entries()).extracting(ParsedEntry::title)
                .containsExactlyElementsOf(listing.stream().map(Paper::title).toList());
        for (int i = 0; i < papers; i++) {
            assertThat(withoutSpaces(digest.entries().get(i).abstractText()))
                    .as(listing.get(i).title()).isEqualTo(withoutSpaces(listing.get(i).abstractText()));
        }
    }

    @ParameterizedTest(name = "{0}: {1} papers, abstracts in paragraphs")
    @MethodSource("days")
    void a_listing_day_with_abstracts_in_paragraphs_gives_exactly_its_papers(String day, int papers) {
        List<Paper> listing = ArxivListings.day(day);
        StringBuilder page = new StringBuilder();
        List<Integer> paragraphCounts = new ArrayList<>();
        for (Paper paper : listing) {
            List<String> paragraphs = paragraphs(paper.abstractText());
            paragraphCounts.add(paragraphs.size());
            page.append(paper.title()).append("\n\n").append(String.join("\n\n", paragraphs)).append("\n\n");
        }

        ParsedDigest digest = parser.parse(page.toString());

        assertThat(digest.entries()).hasSize(papers);
        assertThat(digest.unplaced()).isEmpty();
        assertThat(digest.entries()).extracting(ParsedEntry::title)
                .containsExactlyElementsOf(listing.stream().map(Paper::title).toList());
        assertThat(paragraphCounts).filteredOn(count -> count > 1).hasSizeGreaterThan(papers * 9 / 10);
        for (int i = 0; i < papers; i++) {
            String abstractText = digest.entries().get(i).abstractText();
            assertThat(withoutSpaces(abstractText)).as(listing.get(i).title())
                    .isEqualTo(withoutSpaces(listing.get(i).abstractText()));
            assertThat(abstractText.split("\n\n")).as(listing.get(i).title()).hasSize(paragraphCounts.get(i));
        }
    }

    /**
     * An abstract in several paragraphs separated by blank lines: at each of arXiv's own paragraph starts, else in two
     * at the sentence end nearest its middle.
     */
    private static List<String> paragraphs(String abstractText) {
        if (ARXIV_PARAGRAPH.matcher(abstractText).find()) {
            return List.of(ARXIV_PARAGRAPH.split(abstractText));
        }
        Matcher end = SENTENCE_END.matcher(abstractText);
        if (end.find(abstractText.length() / 2)) {
            return List.of(abstractText.substring(0, end.start() + 1), abstractText.substring(end.end()));
        }
        return List.of(abstractText);
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
