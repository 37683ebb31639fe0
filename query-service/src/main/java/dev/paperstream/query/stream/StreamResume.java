package dev.paperstream.query.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import dev.paperstream.events.Topics;
import dev.paperstream.query.domain.MergedOrder;

/**
 * What a client with a Last-Event-ID missed, read back from papers-enriched itself, so a resume is exact whichever
 * instance the client reaches and however long ago it left (within the topic's retention and the resume window).
 * The event's place is remembered by the instance that handed it out, else found by reading the window. Everything
 * after it in {@link MergedOrder} is: its partition from the next offset, each other partition from the first
 * record whose timestamp sorts after it.
 */
@ApplicationScoped
public class StreamResume {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StreamConfig config;
    private final PaperStream stream;
    private final EventReader reader;

    StreamResume(StreamConfig config, PaperStream stream, EventReader reader) {
        this.config = config;
        this.stream = stream;
        this.reader = reader;
    }

    /** The next position per partition after event {@code eventId}, or empty when the window does not hold it. */
    public Optional<Map<Integer, Long>> after(String eventId) {
        try (KafkaConsumer<String, byte[]> kafka = consumer()) {
            List<TopicPartition> partitions = partitions(kafka);
            Optional<MergedOrder.Place> place = stream.place(eventId).or(() -> find(kafka, partitions, eventId));
            if (place.isEmpty()) {
                return Optional.empty();
            }
            MergedOrder.Place last = place.get();
            Map<TopicPartition, Long> times = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (tp.partition() != last.partition()) {
                    times.put(tp, last.firstTimestampAfter(tp.partition()));
                }
            }
            Map<TopicPartition, OffsetAndTimestamp> found = kafka.offsetsForTimes(times, TIMEOUT);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, TIMEOUT);
            Map<Integer, Long> positions = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                positions.put(tp.partition(), tp.partition() == last.partition() ? last.offset() + 1
                        : at != null ? at.offset() : ends.get(tp));
            }
            return Optional.of(positions);
        }
    }

    /** The events from {@code from} up to (excluding) {@code until}, per partition, in {@link MergedOrder}. */
    public List<StreamEvent> between(Map<Integer, Long> from, Map<Integer, Long> until) {
        List<StreamEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<Integer, Long> start : from.entrySet()) {
                if (start.getValue() < until.getOrDefault(start.getKey(), start.getValue())) {
                    partitions.add(new TopicPartition(Topics.PAPERS_ENRICHED, start.getKey()));
                }
            }
            if (partitions.isEmpty()) {
                return events;
            }
            kafka.assign(partitions);
            partitions.forEach(tp -> kafka.seek(tp, from.get(tp.partition())));
            MergedOrder<StreamEvent> order = new MergedOrder<>(partitions.stream().map(TopicPartition::partition)
                    .toList(), 0);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> kafka.position(tp) < until.get(tp.partition()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("papers-enriched could not be read back for a resume");
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    if (record.offset() < until.get(record.partition())) {
                        order.add(EventReader.place(record), reader.read(record));
                    }
                }
            }
            order.release(partition -> true, Long.MAX_VALUE).stream().filter(StreamEvent::isPaper).forEach(events::add);
        }
        return events;
    }

    private Optional<MergedOrder.Place> find(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions,
                                             String eventId) {
        long since = System.currentTimeMillis() - config.resumeWindow().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(times, TIMEOUT);
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, TIMEOUT);
        kafka.assign(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp start = starts.get(tp);
            kafka.seek(tp, start == null ? ends.get(tp) : start.offset());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(tp -> kafka.position(tp) < ends.get(tp))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                if (eventId.equals(EventReader.header(record, StreamEvent.CE_ID))) {
                    return Optional.of(EventReader.place(record));
                }
            }
        }
        return Optional.empty();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        return kafka.partitionsFor(Topics.PAPERS_ENRICHED, TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        var properties = PaperStream.properties(config.bootstrapServers());
        properties.put("client.id", "query-service-resume");
        properties.put("max.poll.records", "2000");
        return new KafkaConsumer<>(properties);
    }
}
