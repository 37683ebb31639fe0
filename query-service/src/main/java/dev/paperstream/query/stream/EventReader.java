package dev.paperstream.query.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.events.PaperEnrichedV1;
import dev.paperstream.filter.PaperFacts;
import dev.paperstream.filter.PaperItems;
import dev.paperstream.query.domain.MergedOrder;

/**
 * Turns a record of papers-enriched into what the stream sends. Only the headers are read here; the value is read,
 * and the item JSON written, once per event and only when a client needs it (see {@link StreamEvent}).
 */
@ApplicationScoped
class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json;
    }

    StreamEvent read(ConsumerRecord<?, byte[]> record) {
        String id = header(record, StreamEvent.CE_ID);
        MergedOrder.Place place = place(record);
        if (id == null || !StreamEvent.isPaperType(header(record, StreamEvent.CE_TYPE)) || record.value() == null) {
            return StreamEvent.placeOnly(id, place);
        }
        return StreamEvent.paper(id, place, record.value(), value -> paper(value, place));
    }

    private StreamEvent.Paper paper(byte[] value, MergedOrder.Place place) {
        try {
            PaperEnrichedV1 paper = json.readValue(value, PaperEnrichedV1.class);
            return new StreamEvent.Paper(PaperFacts.of(paper), json.writeValueAsString(PaperItems.of(paper)));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("papers-enriched record at partition %d offset %d is not a readable paper event; the stream "
                    + "skips it: %s", place.partition(), place.offset(), e.getMessage());
            return null;
        }
    }

    static MergedOrder.Place place(ConsumerRecord<?, ?> record) {
        return new MergedOrder.Place(record.partition(), record.offset(), record.timestamp());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
