package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.property.PropertyCheck;
import dev.paperstream.enrich.persistence.RulesJson;

/**
 * Texts that once stalled or crashed enrichment (issue 9): each now gives its answer within the property budget
 * ({@link PropertyCheck#budgetMillis}: 100 ms plus 50 ms per 10,000 characters), and the answer is the one a reader
 * expects.
 */
class ExtractorReproducerTest {

    private static final String URL_THEN_CLOSING_BRACKETS = "code: https://github.com/a/b" + ")".repeat(95_000);
    private static final String LLAMA_THEN_DIGITS = "llama 1" + "7".repeat(60_000) + "b";
    private static final String LLAMA_THEN_QUALIFIERS = "llama" + " it".repeat(2_000);
    private static final String DOTTED_WORD = ".a".repeat(50_000) + " .";

    private final LinkExtractor links = new LinkExtractor();
    private final MentionExtractor mentions = new MentionExtractor(RulesJson.defaultMentions());
    private final TopicTagger tagger = new TopicTagger(RulesJson.defaultTopics());

    @Test
    void aLetterOrDigitThenADotThenANonAsciiLetterIsNoLinkAndEndsTheScan() {
        for (String text : List.of("x.Überblick", "2024.Étude", "model.以", "x -.été", "Voir 2024.Étude, x.Überblick.")) {
            assertThat(urls(text)).as(text).isEmpty();
            assertThat(within(text, () -> LinkExtractor.blankUrls(text))).isEqualTo(text);
        }
        assertThat(urls("2024.Étude at github.com/a/b")).containsExactly("https://github.com/a/b");
    }

    @Test
    void aUrlFollowedByManyClosingBracketsLosesThemInLinearTime() {
        assertThat(urls(URL_THEN_CLOSING_BRACKETS)).containsExactly("https://github.com/a/b");
    }

    @Test
    void aLongDottedWordIsNoLinkAndStillOneWordPerLetter() {
        assertThat(urls(DOTTED_WORD)).isEmpty();
        assertThat(within(DOTTED_WORD, () -> TextTokens.of(DOTTED_WORD).size())).isEqualTo(50_000);
        assertThat(within(DOTTED_WORD, () -> mentions.extract(DOTTED_WORD))).isEmpty();
    }

    @Test
    void manyGluedUrlsAreSplitInLinearTime() {
        String glued = "https://a.example.com/x,".repeat(4_000);
        assertThat(urls(glued)).containsExactly("https://a.example.com/x");
        String withoutDots = "x" + ",https://a".repeat(5_000);
        assertThat(urls(withoutDots)).containsExactly("https://a");
        String bare = "see github.com/a/b, ".repeat(5_000);
        assertThat(urls(bare)).containsExactly("https://github.com/a/b");
    }

    @Test
    void onlyHttpAndHttpsLinksAreEverFound() {
        assertThat(urls("javascript:alert(1) data:text/html,<b>x</b> file:///etc/passwd mailto:me@example.com "
                + "ftp://example.com/x javascript://github.com/a/b")).isEmpty();
        assertThat(urls("see github.com/a://b")).containsExactly("https://github.com/a://b");
        assertThat(urls("HTTPS://GitHub.com/a/b")).containsExactly("https://github.com/a/b");
    }

    @Test
    void aLongNumberAfterAModelNameIsNeitherVersionNorSize() {
        assertThat(within(LLAMA_THEN_DIGITS, () -> mentions.extract(LLAMA_THEN_DIGITS)))
                .containsExactly(new Mention("model", "llama", "", "llama"));
    }

    @Test
    void aLongChainOfQualifiersIsReadOnlyAsFarAsAModelNameGoes() {
        assertThat(within(LLAMA_THEN_QUALIFIERS, () -> mentions.extract(LLAMA_THEN_QUALIFIERS)))
                .containsExactly(new Mention("model", "llama", "", "llama it it it it"));
    }

    @Test
    void theTaggerReadsEveryReproducerWithinItsBudget() {
        for (String text : List.of("x.Überblick", "2024.Étude", "model.以", "x -.été", URL_THEN_CLOSING_BRACKETS,
                LLAMA_THEN_DIGITS, LLAMA_THEN_QUALIFIERS, DOTTED_WORD)) {
            assertThat(within(text, () -> tagger.tag(text, text))).as(text.substring(0, Math.min(20, text.length()))).isEmpty();
        }
    }

    private List<String> urls(String text) {
        return within(text, () -> links.extract(text)).stream().map(Link::url).toList();
    }

    private static <T> T within(String text, Callable<T> call) {
        return PropertyCheck.withinBudget(text.length(), call);
    }
}
