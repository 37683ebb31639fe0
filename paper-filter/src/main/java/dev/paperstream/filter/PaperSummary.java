package dev.paperstream.filter;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper in a listing: author names in order, the start of its abstract, topics best first, arXiv categories
 * (primary first), the kinds of link it has. Authors and categories are empty when no digest gave them.
 */
public record PaperSummary(String id, String title, List<String> authors, String shortAbstract, List<String> topics,
                           List<String> categories, List<String> linkKinds, LocalDate firstSeen) {
}
