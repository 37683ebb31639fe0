package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.util.List;

/** A paper in a listing: topics best first, the kinds of link it has, and the start of its abstract. */
public record PaperSummary(String id, String title, String shortAbstract, List<String> topics, List<String> linkKinds,
                           LocalDate firstSeen) {
}
