package dev.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * An upper bound on the size of the {@code papers-enriched} event enrich-service publishes for an entry, so an entry
 * whose event the broker would refuse is refused here, before anything is published. Enrich repeats the entry's
 * text, adds one link per distinct word that can be a link (it holds a {@code .}, {@code /} or {@code :} inside it),
 * one mention per distinct word that can carry a model's version or size (it holds a digit), each quoting its word
 * at most twice, and topics and dictionary names from lists of fixed size.
 */
public final class EnrichedEventSize {

    /** The JSON around one link or mention: field names, kind, quotes. */
    static final int PER_WORD = 160;
    /** Topics with their evidence, dictionary mentions, the digest reference, the event's own fields. */
    static final int FIXED = 64 * 1024;

    private EnrichedEventSize() {
    }

    /** @param entryEventBytes the size of the entry's own {@code digest-entries} event */
    public static long upperBound(Entry entry, int entryEventBytes) {
        Set<String> words = new HashSet<>();
        addWords(entry.title(), words);
        addWords(entry.abstractText(), words);
        long bound = (long) entryEventBytes + FIXED;
        for (String word : words) {
            bound += 2L * word.getBytes(StandardCharsets.UTF_8).length + PER_WORD;
        }
        return bound;
    }

    /** One pass: a word counts when a {@code . / :} or digit stands before its trailing punctuation. */
    private static void addWords(String text, Set<String> words) {
        int start = 0;
        int firstSign = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? ' ' : text.charAt(i);
            if (i == text.length() || Character.isWhitespace(c)) {
                int end = i;
                while (end > start && ".,;:!?)]}\"'".indexOf(text.charAt(end - 1)) >= 0) {
                    end--;
                }
                if (firstSign >= 0 && firstSign < end) {
                    words.add(text.substring(start, end));
                }
                start = i + 1;
                firstSign = -1;
            } else if (firstSign < 0 && (c == '.' || c == '/' || c == ':' || c >= '0' && c <= '9')) {
                firstSign = i;
            }
        }
    }
}
