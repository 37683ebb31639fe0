package dev.paperstream.ingest.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bounds on what an entry carries besides its text (authors, categories, upvotes), in one place, and the
 * clean-up every format applies to them. The bounds are far above real papers (the largest author lists, of particle
 * physics collaborations, have a few thousand names) and keep each {@code digest-entries} record well under Kafka's
 * 1 MB default with a maximal abstract.
 */
public final class MetadataLimits {

    public static final int MAX_AUTHORS = 5_000;
    public static final int MAX_AUTHOR_LENGTH = 300;
    public static final int MAX_CATEGORIES = 50;
    public static final int MAX_CATEGORY_LENGTH = 50;

    private MetadataLimits() {
    }

    /**
     * Author names in order, each on one line; blank names dropped (they name nobody).
     *
     * @param where how the sender names the field in a refusal, e.g. {@code entries[3].authors}
     */
    public static List<String> authors(List<String> names, String where) {
        return bounded(names, where, MAX_AUTHORS, MAX_AUTHOR_LENGTH, "names");
    }

    /** Categories in order (primary first), each once; blank ones dropped. */
    public static List<String> categories(List<String> terms, String where) {
        Set<String> unique = new LinkedHashSet<>(bounded(terms, where, MAX_CATEGORIES, MAX_CATEGORY_LENGTH, "categories"));
        return List.copyOf(unique);
    }

    private static List<String> bounded(List<String> raw, String where, int maxCount, int maxLength, String what) {
        if (raw.size() > maxCount) {
            throw new InvalidDigestException(where + " has " + raw.size() + " " + what + "; at most " + maxCount
                    + " are accepted.");
        }
        List<String> kept = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String value = Text.singleLine(raw.get(i));
            if (value.length() > maxLength) {
                throw new InvalidDigestException(where + "[" + i + "] is " + value.length()
                        + " characters long; the limit is " + maxLength + ".");
            }
            if (!value.isEmpty()) {
                kept.add(value);
            }
        }
        return List.copyOf(kept);
    }
}
