package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paperstream.filter.PaperFilter;

class PaperPositionTest {

    private static PaperFilter parse(String q) {
        return PaperFilter.parse(q, List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void cursorPositionsRoundTripExactly() {
        PaperFilter recent = parse(null);
        PaperPosition day = PaperPosition.recent(LocalDate.of(2026, 3, 14), "arxiv-1");
        assertThat(PaperPosition.fromCursor(recent, day.toCursor(recent))).isEqualTo(day);
        PaperFilter relevance = parse("lora");
        PaperPosition rank = PaperPosition.relevance(0.0607927f, "arxiv-2",
                new SearchPool.Floor(LocalDate.of(2025, 1, 2), "arxiv-0"));
        assertThat(PaperPosition.fromCursor(relevance, rank.toCursor(relevance))).isEqualTo(rank);
        rank = PaperPosition.relevance(0.5f, "arxiv-3", null);
        assertThat(PaperPosition.fromCursor(relevance, rank.toCursor(relevance))).isEqualTo(rank);
        assertThat(PaperPosition.fromCursor(recent, null)).isNull();
        assertThatThrownBy(() -> PaperPosition.fromCursor(relevance, day.toCursor(recent)))
                .extracting("parameter").isEqualTo("cursor");
    }
}
