package dev.paperstream.query.stream;

import java.util.function.Function;

import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.filter.PaperFacts;
import dev.paperstream.query.domain.MergedOrder;

/**
 * An enriched paper as the stream sends it: its CloudEvents id, its place on the topic, what filters match on, and
 * the GET /papers item it is sent as (JSON).
 * <p>
 * The live stream reads every event of papers-enriched to know where each one lies (for a resume), but most events
 * reach no client; so the value is read into facts and item only when first asked for, once, and an event nobody
 * asks about costs its headers alone.
 */
public final class StreamEvent {

    static final String CE_ID = "ce_id";
    static final String CE_TYPE = "ce_type";

    /** What a value is read into: facts and item, or null when it is no readable paper. */
    record Paper(PaperFacts facts, String item) {
    }

    private final String id;
    private final MergedOrder.Place place;
    private Function<byte[], Paper> reader;
    private byte[] value;
    /** Guarded by this; meaningful once reader is null. */
    private Paper paper;

    private StreamEvent(String id, MergedOrder.Place place, byte[] value, Function<byte[], Paper> reader) {
        this.id = id;
        this.place = place;
        this.value = value;
        this.reader = reader;
    }

    /** A paper event whose value {@code reader} reads when first needed. */
    static StreamEvent paper(String id, MergedOrder.Place place, byte[] value, Function<byte[], Paper> reader) {
        return new StreamEvent(id, place, value, reader);
    }

    /** A record that is no paper event (another type, no value): it holds a place and sends nothing. */
    static StreamEvent placeOnly(String id, MergedOrder.Place place) {
        return new StreamEvent(id, place, null, null);
    }

    public String id() {
        return id;
    }

    public MergedOrder.Place place() {
        return place;
    }

    /** What filters match on; null when the event is no readable paper. */
    public PaperFacts facts() {
        Paper read = read();
        return read == null ? null : read.facts();
    }

    /** The GET /papers item, as JSON; null when the event is no readable paper. */
    public String item() {
        Paper read = read();
        return read == null ? null : read.item();
    }

    boolean isPaper() {
        return read() != null;
    }

    private synchronized Paper read() {
        if (reader != null) {
            paper = reader.apply(value);
            reader = null;
            value = null;
        }
        return paper;
    }

    static boolean isPaperType(String ceType) {
        return PaperEnrichedV1.CE_TYPE.equals(ceType);
    }
}
