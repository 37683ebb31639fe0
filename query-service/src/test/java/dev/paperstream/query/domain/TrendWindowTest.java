package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendWindowTest {

    @Test
    void trendWindowsAreDaysUpToAYear() {
        TrendWindow week = TrendWindow.parse("7d", "2026-03-14", LocalDate.of(2000, 1, 1));
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(week.previousEnd()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(week.previousStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(TrendWindow.parse(null, null, LocalDate.of(2026, 1, 10)).label()).isEqualTo("7d");
        assertThat(TrendWindow.parse("365d", null, LocalDate.of(2026, 1, 10)).days()).isEqualTo(365);
        for (String bad : List.of("0d", "366d", "7", "1w", "d", "07d")) {
            assertThatThrownBy(() -> TrendWindow.parse(bad, null, LocalDate.now())).as(bad)
                    .extracting("parameter").isEqualTo("window");
        }
    }
}
