package dev.paperstream.filter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paperstream.events.PaperEnrichedV1;

/**
 * What a filter looks at in one paper: the text searched (title and full abstract), author names, arXiv categories,
 * topic slugs, link kinds, the model and benchmark names it mentions, the digests it appeared in, and its first-seen
 * date. Absent lists are empty.
 */
public record PaperFacts(
        String id,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        Set<String> topics,
        Set<String> linkKinds,
        Set<String> models,
        Set<String> benchmarks,
        Set<String> digests,
        LocalDate firstSeen) {

    public PaperFacts {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        linkKinds = linkKinds == null ? Set.of() : Set.copyOf(linkKinds);
        models = models == null ? Set.of() : Set.copyOf(models);
        benchmarks = benchmarks == null ? Set.of() : Set.copyOf(benchmarks);
        digests = digests == null ? Set.of() : Set.copyOf(digests);
    }

    /**
     * The paper as its enriched event tells it. The event names only the digest appearance that caused it, so a
     * {@code digest} filter selects the events of that digest's papers.
     */
    public static PaperFacts of(PaperEnrichedV1 event) {
        return new PaperFacts(
                event.paperId(),
                event.title(),
                event.abstractText(),
                event.authors(),
                event.categories(),
                collect(event.topics(), PaperEnrichedV1.TopicRef::slug),
                collect(event.links(), PaperEnrichedV1.LinkRef::kind),
                mentions(event, "model"),
                mentions(event, "benchmark"),
                event.digest() == null ? Set.of() : Set.of(event.digest().id()),
                event.firstSeen());
    }

    private static Set<String> mentions(PaperEnrichedV1 event, String kind) {
        return event.mentions() == null ? Set.of() : event.mentions().stream()
                .filter(mention -> kind.equals(mention.kind()))
                .map(PaperEnrichedV1.MentionRef::name)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static <T> Set<String> collect(List<T> items, java.util.function.Function<T, String> value) {
        return items == null ? Set.of() : items.stream().map(value).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
