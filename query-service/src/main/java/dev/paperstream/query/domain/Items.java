package dev.paperstream.query.domain;

import java.util.List;

/** A complete (unpaged) list. */
public record Items<T>(List<T> items) {
}
