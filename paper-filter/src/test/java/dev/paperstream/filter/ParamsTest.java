package dev.paperstream.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void limitIsOneToHundredWithADefault() {
        assertThat(Params.limit(null, 20)).isEqualTo(20);
        assertThat(Params.limit("1", 20)).isEqualTo(1);
        assertThat(Params.limit(" 100 ", 20)).isEqualTo(100);
        for (String bad : List.of("0", "101", "-5", "1.5", "ten", "99999999999")) {
            assertThatThrownBy(() -> Params.limit(bad, 20)).as(bad)
                    .hasMessage("limit must be between 1 and 100");
        }
    }

    @Test
    void booleansAndDates() {
        assertThat(Params.bool("hasCode", "True")).isTrue();
        assertThat(Params.bool("hasCode", null)).isNull();
        assertThatThrownBy(() -> Params.bool("hasCode", "1")).hasMessage("hasCode must be true or false");
        assertThat(Params.date("to", "2026-03-14")).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThatThrownBy(() -> Params.date("to", "14.03.2026")).hasMessage("to must be a date like 2026-03-14");
        assertThatThrownBy(() -> Params.date("from", "+6000000-01-01"))
                .hasMessage("from must be a date from 1000-01-01 to 9999-12-31");
    }

    @Test
    void snippetsCutAtAWord() {
        assertThat(Snippet.shorten("  short\n text ", 280)).isEqualTo("short text");
        assertThat(Snippet.shorten("alpha beta gamma delta", 12)).isEqualTo("alpha beta…");
        assertThat(Snippet.shorten("x".repeat(30), 10)).isEqualTo("xxxxxxxxx…");
    }
}
