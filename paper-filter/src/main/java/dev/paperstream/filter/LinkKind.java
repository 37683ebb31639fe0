package dev.paperstream.filter;

import java.util.List;

/** The link kinds enrich-service assigns (see {@code PaperEnrichedV1.LinkRef}). */
public final class LinkKind {

    public static final List<String> ALL = List.of(
            "code", "profile", "model", "dataset", "space", "collection", "organization", "paper", "project-page",
            "website");

    private LinkKind() {
    }

    /** {@code raw} when it is a known kind, null when absent. */
    public static String parse(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String kind = raw.trim();
        if (!ALL.contains(kind)) {
            throw new InvalidParameterException(parameter, parameter + " must be one of " + String.join(", ", ALL));
        }
        return kind;
    }
}
