package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a paper listing page ended: the sort key of its last item. Recent order keys on (first seen, id),
 * relevance order on (rank, id); the rank is PostgreSQL's {@code real}, carried as its exact bits.
 */
public record PaperPosition(LocalDate firstSeen, Float rank, String id) {

    public static PaperPosition recent(LocalDate firstSeen, String id) {
        return new PaperPosition(firstSeen, null, id);
    }

    public static PaperPosition relevance(float rank, String id) {
        return new PaperPosition(null, rank, id);
    }

    public String toCursor(PaperFilter filter) {
        String key = filter.sort() == PaperSort.RECENT
                ? firstSeen.toString()
                : Integer.toHexString(Float.floatToIntBits(rank));
        return CursorCodec.encode(filter.fingerprint(), List.of(key, id));
    }

    /** The position in {@code cursor}, or null when there is none (first page). */
    public static PaperPosition fromCursor(PaperFilter filter, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> values = CursorCodec.decode(filter.fingerprint(), cursor, 2);
        try {
            return filter.sort() == PaperSort.RECENT
                    ? recent(LocalDate.parse(values.get(0)), values.get(1))
                    : relevance(Float.intBitsToFloat(Integer.parseUnsignedInt(values.get(0), 16)), values.get(1));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw CursorCodec.malformed();
        }
    }
}
