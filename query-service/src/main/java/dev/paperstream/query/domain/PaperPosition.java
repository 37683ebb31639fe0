package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.paperstream.filter.PaperFilter;
import dev.paperstream.filter.PaperSort;

/**
 * Where a paper listing page ended: the sort key of its last item. Recent order keys on (first seen, id),
 * relevance order on (rank, id); the rank is PostgreSQL's {@code real}, carried as its exact bits.
 * A relevance listing also carries the floor of its search pool (see {@link SearchPool}) so that later pages rank
 * the same papers as the first, plus any that arrived since.
 */
public record PaperPosition(LocalDate firstSeen, Float rank, String id, SearchPool.Floor poolFloor) {

    public static PaperPosition recent(LocalDate firstSeen, String id) {
        return new PaperPosition(firstSeen, null, id, null);
    }

    public static PaperPosition relevance(float rank, String id, SearchPool.Floor poolFloor) {
        return new PaperPosition(null, rank, id, poolFloor);
    }

    public String toCursor(PaperFilter filter) {
        List<String> values = filter.sort() == PaperSort.RECENT
                ? List.of(firstSeen.toString(), id)
                : List.of(Integer.toHexString(Float.floatToIntBits(rank)), id,
                        poolFloor == null ? "" : poolFloor.firstSeen().toString(),
                        poolFloor == null ? "" : poolFloor.id());
        return CursorCodec.encode(filter.fingerprint(), values);
    }

    /** The position in {@code cursor}, or null when there is none (first page). */
    public static PaperPosition fromCursor(PaperFilter filter, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        boolean recent = filter.sort() == PaperSort.RECENT;
        List<String> values = CursorCodec.decode(filter.fingerprint(), cursor, recent ? 2 : 4);
        try {
            if (recent) {
                return recent(LocalDate.parse(values.get(0)), values.get(1));
            }
            SearchPool.Floor floor = values.get(2).isEmpty()
                    ? null
                    : new SearchPool.Floor(LocalDate.parse(values.get(2)), values.get(3));
            return relevance(Float.intBitsToFloat(Integer.parseUnsignedInt(values.get(0), 16)), values.get(1), floor);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw CursorCodec.malformed();
        }
    }
}
