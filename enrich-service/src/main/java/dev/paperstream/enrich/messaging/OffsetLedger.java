package dev.paperstream.enrich.messaging;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which offsets may be committed while batches are processed concurrently and finish in any order. Batches are
 * recorded as they are delivered, in delivery order, by the last record each holds of a partition; a partition's
 * offset moves past a batch only once that batch and every batch delivered before it from the partition are done.
 * <p>
 * A batch is named by its own last record object, never by an offset: after a rebalance the same offsets come again
 * in new batches, and a batch delivered before the rebalance that finishes afterwards must not vouch for records of
 * the new one it never held. {@link #release} forgets a partition that left, with whatever it had in flight.
 *
 * @param <P> a partition
 */
final class OffsetLedger<P> {

    private static final class Pending {
        final Object batch;
        final long lastOffset;
        boolean done;

        Pending(Object batch, long lastOffset) {
            this.batch = batch;
            this.lastOffset = lastOffset;
        }
    }

    private final Map<P, Deque<Pending>> pending = new HashMap<>();
    /** Per partition, the next offset to consume after every finished batch, when not committed yet. */
    private final Map<P, Long> toCommit = new HashMap<>();

    /** A batch delivered {@code batch}, its last record of {@code partition}, at {@code lastOffset}. */
    synchronized void delivered(P partition, Object batch, long lastOffset) {
        pending.computeIfAbsent(partition, p -> new ArrayDeque<>()).add(new Pending(batch, lastOffset));
    }

    /**
     * The batch whose last record of {@code partition} is {@code batch} is done. A batch delivered before the
     * partition was last released is unknown and changes nothing.
     */
    synchronized void done(P partition, Object batch) {
        Deque<Pending> queue = pending.get(partition);
        if (queue == null) {
            return;
        }
        for (Pending p : queue) {
            if (p.batch == batch) {
                p.done = true;
            }
        }
        Long next = null;
        while (!queue.isEmpty() && queue.peek().done) {
            next = queue.poll().lastOffset + 1;
        }
        if (next != null) {
            toCommit.put(partition, next);
        }
    }

    /** The offsets to commit now, by partition: past every finished batch and not committed yet. */
    synchronized Map<P, Long> toCommit() {
        return Map.copyOf(toCommit);
    }

    /** These offsets were committed; a later batch's offset, finished meanwhile, stays to commit. */
    synchronized void committed(Map<P, Long> offsets) {
        offsets.forEach((partition, offset) -> toCommit.remove(partition, offset));
    }

    /**
     * Forgets partitions this consumer no longer owns, and answers the offsets still to commit for them (to commit
     * while the consumer still may, during the revocation).
     */
    synchronized Map<P, Long> release(Collection<P> partitions) {
        Map<P, Long> last = new HashMap<>();
        for (P partition : partitions) {
            pending.remove(partition);
            Long offset = toCommit.remove(partition);
            if (offset != null) {
                last.put(partition, offset);
            }
        }
        return last;
    }
}
