package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paperstream.filter.InvalidParameterException;

class CursorCodecTest {

    @Test
    void roundTripsAPosition() {
        String cursor = CursorCodec.encode("question", List.of("2026-03-14", "arxiv-2403.09611"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode("question", cursor, 2)).containsExactly("2026-03-14", "arxiv-2403.09611");
    }

    @Test
    void refusesACursorOfAnotherQuestion() {
        String cursor = CursorCodec.encode("question", List.of("a", "b"));
        assertThatThrownBy(() -> CursorCodec.decode("other question", cursor, 2))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("different query")
                .extracting("parameter").isEqualTo("cursor");
    }

    @Test
    void refusesEditedTruncatedAndForeignTokens() {
        String cursor = CursorCodec.encode("question", List.of("2026-03-14", "x"));
        String edited = cursor.substring(0, 5) + (cursor.charAt(5) == 'a' ? 'b' : 'a') + cursor.substring(6);
        for (String bad : List.of(edited, cursor.substring(0, cursor.length() - 3), "", "!!!", "YWJj",
                "a".repeat(5000))) {
            assertThatThrownBy(() -> CursorCodec.decode("question", bad, 2))
                    .as(bad)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("cursor is malformed; use the nextCursor of a previous page");
        }
    }

    @Test
    void refusesACursorWithTheWrongNumberOfValues() {
        String cursor = CursorCodec.encode("question", List.of("only one"));
        assertThatThrownBy(() -> CursorCodec.decode("question", cursor, 2))
                .isInstanceOf(InvalidParameterException.class);
    }
}
