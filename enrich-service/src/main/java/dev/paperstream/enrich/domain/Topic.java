package dev.paperstream.enrich.domain;

import java.util.List;
import java.util.Objects;

/**
 * A topic of the taxonomy: stable slug, display name, description, the rules that assign it and, optionally, a
 * few example papers whose likeness assigns it too.
 */
public record Topic(String slug, String name, String description, TopicRules rules, List<TopicExample> examples) {

    public static final int MAX_EXAMPLES = 20;

    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        description = description == null ? "" : description;
        examples = examples == null ? List.of() : List.copyOf(examples);
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("examples: at most " + MAX_EXAMPLES + " papers");
        }
    }

    public Topic(String slug, String name, String description, TopicRules rules) {
        this(slug, name, description, rules, List.of());
    }
}
