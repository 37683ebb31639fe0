package dev.paperstream.query.domain;

import java.util.List;

/** The papers most related to {@code paperId}, best first. */
public record RelatedPapers(String paperId, List<RelatedPaper> items) {
}
