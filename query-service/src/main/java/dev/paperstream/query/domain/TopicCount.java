package dev.paperstream.query.domain;

/** A topic of the taxonomy with the number of papers carrying it. */
public record TopicCount(String slug, String name, String description, long paperCount) {
}
