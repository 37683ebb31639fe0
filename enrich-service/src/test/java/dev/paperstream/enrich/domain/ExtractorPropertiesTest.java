package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.paperstream.devstack.property.HostileText;
import dev.paperstream.devstack.property.PropertyCheck;
import dev.paperstream.enrich.persistence.RulesJson;

/**
 * Properties every extractor keeps on any text (see {@link HostileText} for what is generated and
 * {@link PropertyCheck} for the time budget per call): it returns, within its budget, without throwing, and what it
 * returns is well-formed. The budgets and the number of inputs per property are listed in the module README.
 */
class ExtractorPropertiesTest {

    /** Inputs per property: with up to 100 kB each, the whole class runs in a few seconds. */
    private static final int TRIES = 400;
    private static final String BOUNDARIES = "\"'<>{}\\`|\u201c\u201d\u2018\u2019";

    private static final LinkExtractor LINKS = new LinkExtractor();
    private static final LinkClassifier CLASSIFIER = new LinkClassifier();
    private static final MentionExtractor MENTIONS = new MentionExtractor(RulesJson.defaultMentions());
    private static final TopicTagger TAGGER = new TopicTagger(RulesJson.defaultTopics());
    private static final Set<String> SLUGS = new HashSet<>(TAGGER.topics().stream().map(Topic::slug).toList());

    @Test
    void linksAreDistinctHttpUrlsWithAHostAndNoBoundaryCharacters() {
        check("links", this::linksAreWellFormed);
    }

    @Test
    void blankingKeepsTheLengthAndLeavesNoSchemeBehind() {
        check("blankUrls", this::blankingIsComplete);
    }

    @Test
    void everyHttpUrlGetsAKindAndATarget() {
        check("classifier", this::classifies);
    }

    @Test
    void mentionsQuoteTheTextAndHaveShortNormalizedNamesAndSizes() {
        check("mentions", this::mentionsAreWellFormed);
    }

    @Test
    void tokensAreTheMaximalRunsOfLettersAndDigits() {
        check("tokens", this::tokensAreMaximalRuns);
    }

    @Test
    void topicsHaveScoresInRangeAndQuoteTheirEvidence() {
        check("tagger", this::topicsAreWellFormed);
    }

    @Test
    void shrunkCounterExamplesStayFixed() {
        List<String> corpus = PropertyCheck.corpus("/hostile-texts.txt");
        assertThat(corpus).isNotEmpty();
        for (String text : corpus) {
            linksAreWellFormed(text);
            blankingIsComplete(text);
            classifies(text);
            mentionsAreWellFormed(text);
            tokensAreMaximalRuns(text);
            topicsAreWellFormed(text);
        }
    }

    private static void check(String name, Consumer<String> property) {
        PropertyCheck.forAll(name, TRIES, HostileText::generate, property);
    }

    private void linksAreWellFormed(String text) {
        String title = text.substring(0, text.length() / 8);
        List<Link> links = timed(text.length(), () -> LINKS.extract(title, text));
        Set<String> urls = new HashSet<>();
        for (Link link : links) {
            String url = link.url();
            assertThat(url.startsWith("http://") || url.startsWith("https://")).as("scheme of %s", url).isTrue();
            assertThat(urls.add(url)).as("distinct %s", url).isTrue();
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (Character.isWhitespace(c) || Character.isISOControl(c) || BOUNDARIES.indexOf(c) >= 0) {
                    throw new AssertionError("boundary character " + (int) c + " in " + url);
                }
            }
            String host = host(url);
            assertThat(host).as("host of %s", url).isNotEmpty().isEqualTo(host.toLowerCase(Locale.ROOT));
            assertThat(Character.isLetterOrDigit(host.charAt(0))).as("host start of %s", url).isTrue();
            assertThat(link.kind()).isNotNull();
            assertThat(link.target()).isNotNull();
        }
    }

    private void blankingIsComplete(String text) {
        String blanked = timed(text.length(), () -> LinkExtractor.blankUrls(text));
        assertThat(blanked).hasSameSizeAs(text);
        for (int i = 0; i < text.length(); i++) {
            if (blanked.charAt(i) != text.charAt(i) && blanked.charAt(i) != ' ') {
                throw new AssertionError("blanked with " + (int) blanked.charAt(i) + " at " + i);
            }
        }
        String lower = blanked.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("http://").doesNotContain("https://");
    }

    private void classifies(String text) {
        for (String url : List.of("https://" + text, "http://github.com/" + text, "https://huggingface.co/" + text,
                "https://arxiv.org/abs/" + text)) {
            Link link = timed(url.length(), () -> CLASSIFIER.classify(url));
            assertThat(link.url()).isEqualTo(url);
            assertThat(link.kind()).isNotNull();
            assertThat(link.target()).isNotNull();
        }
    }

    private void mentionsAreWellFormed(String text) {
        List<Mention> mentions = timed(text.length(), () -> MENTIONS.extract(text));
        Set<String> keys = new HashSet<>();
        for (Mention mention : mentions) {
            assertThat(mention.kind()).isIn(Mention.MODEL, Mention.BENCHMARK);
            assertThat(mention.name()).isNotEmpty().hasSizeLessThanOrEqualTo(40);
            assertThat(mention.text()).isNotEmpty().hasSizeLessThanOrEqualTo(100);
            assertThat(text).contains(mention.text());
            assertThat(mention.size()).matches("|\\d{1,6}(\\.\\d{1,6})?[bm]|\\d{1,6}x\\d{1,6}b");
            assertThat(keys.add(mention.kind() + "|" + mention.name() + "|" + mention.size())).isTrue();
        }
    }

    private void tokensAreMaximalRuns(String text) {
        TextTokens tokens = timed(text.length(), () -> TextTokens.of(text));
        int covered = 0;
        int previousEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.start(i);
            int end = tokens.end(i);
            boolean inOrder = previousEnd < start && start < end && end <= text.length();
            boolean maximal = (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (!inOrder || !maximal) {
                throw new AssertionError("token " + i + " [" + start + ", " + end + ") after " + previousEnd);
            }
            covered += end - start;
            previousEnd = end;
        }
        long letterOrDigits = text.chars().filter(c -> Character.isLetterOrDigit((char) c)).count();
        assertThat(covered).as("letters and digits in tokens").isEqualTo((int) letterOrDigits);
    }

    private void topicsAreWellFormed(String text) {
        String title = text.substring(0, text.length() / 8);
        List<TopicMatch> topics = timed(text.length(), () -> TAGGER.tag(title, text));
        double previous = 1;
        Set<String> seen = new HashSet<>();
        for (TopicMatch topic : topics) {
            assertThat(topic.slug()).isIn(SLUGS);
            assertThat(seen.add(topic.slug())).isTrue();
            assertThat(topic.score()).isBetween(0.0, previous);
            previous = topic.score();
            assertThat(topic.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                    .allSatisfy(quote -> assertThat(title.contains(quote) || text.contains(quote)).isTrue());
        }
    }

    private static String host(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end);
    }

    private static <T> T timed(int chars, Callable<T> call) {
        return PropertyCheck.withinBudget(chars, call);
    }
}
