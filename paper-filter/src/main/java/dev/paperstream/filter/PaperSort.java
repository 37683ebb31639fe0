package dev.paperstream.filter;

/** Orders for paper listings. */
public enum PaperSort {
    /** Newest first seen first, then id descending. */
    RECENT,
    /** Best text-search rank first, then id ascending; needs a search text. */
    RELEVANCE;

    static PaperSort parse(String raw, boolean hasSearchText) {
        if (raw == null || raw.isBlank()) {
            return hasSearchText ? RELEVANCE : RECENT;
        }
        PaperSort sort = switch (raw.trim()) {
            case "recent" -> RECENT;
            case "relevance" -> RELEVANCE;
            default -> throw new InvalidParameterException("sort", "sort must be relevance or recent");
        };
        if (sort == RELEVANCE && !hasSearchText) {
            throw new InvalidParameterException("sort", "sort=relevance needs a search text in q");
        }
        return sort;
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
