package dev.paperstream.enrich.domain;

import java.util.Objects;

/** A topic of the taxonomy: stable slug, display name, description and the rules that assign it. */
public record Topic(String slug, String name, String description, TopicRules rules) {

    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        description = description == null ? "" : description;
    }
}
