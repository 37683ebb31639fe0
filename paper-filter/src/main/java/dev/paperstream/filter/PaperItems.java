package dev.paperstream.filter;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.paperstream.events.PaperEnrichedV1;

/** The {@code GET /papers} item of a paper as its enriched event tells it, for those who serve events, not rows. */
public final class PaperItems {

    /** The catalogue's listing reads this much of the abstract before shortening it. */
    private static final int ABSTRACT_START = 600;

    private PaperItems() {
    }

    public static PaperSummary of(PaperEnrichedV1 event) {
        List<String> topics = event.topics() == null ? List.of() : event.topics().stream()
                .sorted(Comparator.comparingDouble(PaperEnrichedV1.TopicRef::score).reversed()
                        .thenComparing(PaperEnrichedV1.TopicRef::slug))
                .map(PaperEnrichedV1.TopicRef::slug)
                .toList();
        List<String> linkKinds = event.links() == null ? List.of() : event.links().stream()
                .map(PaperEnrichedV1.LinkRef::kind).filter(Objects::nonNull).distinct().sorted().toList();
        return new PaperSummary(event.paperId(), event.title(), orEmpty(event.authors()),
                Snippet.shorten(start(event.abstractText()), Snippet.SHORT_ABSTRACT_LENGTH), topics,
                orEmpty(event.categories()), linkKinds, event.firstSeen());
    }

    private static String start(String text) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= ABSTRACT_START ? text
                : text.substring(0, text.offsetByCodePoints(0, ABSTRACT_START));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
