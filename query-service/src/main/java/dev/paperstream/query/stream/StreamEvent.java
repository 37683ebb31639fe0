package dev.paperstream.query.stream;

import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.filter.PaperFacts;
import dev.paperstream.query.domain.MergedOrder;

/**
 * An enriched paper as the stream sends it: its CloudEvents id, its place on the topic, what filters match on, and
 * the GET /papers item it is sent as (JSON).
 */
public record StreamEvent(String id, MergedOrder.Place place, PaperFacts facts, String item) {

    static final String CE_ID = "ce_id";
    static final String CE_TYPE = "ce_type";

    boolean isPaper() {
        return facts != null;
    }

    /** A record that is no paper event (another type, an unreadable value): it holds a place and sends nothing. */
    static StreamEvent placeOnly(String id, MergedOrder.Place place) {
        return new StreamEvent(id, place, null, null);
    }

    static boolean isPaperType(String ceType) {
        return PaperEnrichedV1.CE_TYPE.equals(ceType);
    }
}
