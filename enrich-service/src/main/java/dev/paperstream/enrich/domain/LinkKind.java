package dev.paperstream.enrich.domain;

import java.util.Locale;

/** What a link points at; the JSON and database spelling is {@link #label()}. */
public enum LinkKind {
    CODE, PROFILE, MODEL, DATASET, SPACE, COLLECTION, ORGANIZATION, PAPER, PROJECT_PAGE, WEBSITE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
