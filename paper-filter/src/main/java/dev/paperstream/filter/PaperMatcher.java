package dev.paperstream.filter;

import java.util.Locale;
import java.util.Set;

/**
 * Whether one paper matches a filter, by the rule the SQL of {@code GET /papers} applies to the catalogue (all given
 * filters must hold): for the live stream and webhooks, which see one paper at a time and no database. The table of
 * cases in the tests runs against both, so the two cannot drift apart.
 */
public final class PaperMatcher {

    private PaperMatcher() {
    }

    public static boolean matches(PaperFilter filter, PaperFacts paper) {
        return paper.topics().containsAll(filter.topics())
                && (filter.model() == null || containsIgnoringCase(paper.models(), filter.model()))
                && (filter.benchmark() == null || containsIgnoringCase(paper.benchmarks(), filter.benchmark()))
                && (filter.hasCode() == null || paper.linkKinds().contains("code") == filter.hasCode())
                && (filter.linkKind() == null || paper.linkKinds().contains(filter.linkKind()))
                && (filter.digest() == null || paper.digests().contains(filter.digest()))
                && (filter.author() == null || authorMatches(filter.author(), paper))
                && (filter.category() == null || paper.categories().contains(filter.category()))
                && (filter.from() == null || !paper.firstSeen().isBefore(filter.from()))
                && (filter.to() == null || !paper.firstSeen().isAfter(filter.to()))
                && (filter.searchText() == null
                        || SearchText.parse(filter.searchText()).matches(paper.title(), paper.abstractText()));
    }

    private static boolean containsIgnoringCase(Set<String> names, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(candidate -> candidate.toLowerCase(Locale.ROOT).equals(lower));
    }

    /** A substring of one name: names are joined by a line break, which a folded filter never holds. */
    private static boolean authorMatches(String author, PaperFacts paper) {
        String wanted = Folding.fold(author);
        return paper.authors().stream().anyMatch(name -> Folding.fold(name).contains(wanted));
    }
}
