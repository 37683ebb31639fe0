package dev.paperstream.enrich.domain;

/** A link found in a paper's text: normalized URL, its kind and what it points at (null for plain websites). */
public record Link(String url, LinkKind kind, String target) {
}
