package dev.paperstream.query.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * One order over a topic's partitions that every instance, and every restart, agrees on: by record timestamp, then
 * partition, then offset. The live stream sends in this order and a resume starts where it says, so an event id is
 * a position in one sequence although the topic has several. A record is held until no partition can still bring
 * an earlier one: each other partition has a later record waiting, or has been read to its end and the record is
 * older than the grace period (a record is appended within that time of its timestamp).
 *
 * @param <T> what is ordered
 */
public final class MergedOrder<T> {

    /** A record's place: partition, offset and timestamp (epoch milliseconds). */
    public record Place(int partition, long offset, long timestamp) {

        public static final Comparator<Place> ORDER = Comparator.comparingLong(Place::timestamp)
                .thenComparingInt(Place::partition).thenComparingLong(Place::offset);

        /**
         * Where a partition's records after this place start in the order, as the earliest timestamp they have: a
         * lower partition's records at the same millisecond came before this one, a higher partition's after.
         */
        public long firstTimestampAfter(int otherPartition) {
            return otherPartition < partition ? timestamp + 1 : timestamp;
        }
    }

    private record Held<T>(Place place, T item) {
    }

    private final Map<Integer, Deque<Held<T>>> waiting = new TreeMap<>();
    private final long graceMillis;

    public MergedOrder(List<Integer> partitions, long graceMillis) {
        partitions.forEach(partition -> waiting.put(partition, new ArrayDeque<>()));
        this.graceMillis = graceMillis;
    }

    /** Adds a record read from its partition (in offset order). */
    public void add(Place place, T item) {
        waiting.get(place.partition()).addLast(new Held<>(place, item));
    }

    /**
     * The records that can go out now, in order.
     *
     * @param readToEnd whether a partition has been read to its end
     * @param now       the current time, epoch milliseconds
     */
    public List<T> release(IntPredicate readToEnd, long now) {
        List<T> released = new ArrayList<>();
        while (true) {
            Held<T> first = null;
            for (Deque<Held<T>> queue : waiting.values()) {
                Held<T> head = queue.peekFirst();
                if (head != null && (first == null || Place.ORDER.compare(head.place(), first.place()) < 0)) {
                    first = head;
                }
            }
            if (first == null || !releasable(first.place(), readToEnd, now)) {
                return released;
            }
            waiting.get(first.place().partition()).removeFirst();
            released.add(first.item());
        }
    }

    private boolean releasable(Place place, IntPredicate readToEnd, long now) {
        for (Map.Entry<Integer, Deque<Held<T>>> partition : waiting.entrySet()) {
            if (partition.getKey() != place.partition() && partition.getValue().isEmpty()
                    && !(readToEnd.test(partition.getKey()) && now - place.timestamp() >= graceMillis)) {
                return false;
            }
        }
        return true;
    }
}
