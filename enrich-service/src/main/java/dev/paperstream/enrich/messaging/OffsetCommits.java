package dev.paperstream.enrich.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The commit strategy of {@code digest-entries} ({@code commit-strategy=enrich-offsets}): the consumer method commits
 * its partitions' offsets itself, through {@link DependencyRetry} like every other broker call, as soon as its batch
 * is stored and announced, so a broker that is down pauses the consumer instead of leaving the offsets behind. The
 * connector's hooks give what the method cannot see: the order batches were delivered in (two are processed at
 * once and may finish in either order, see {@link OffsetLedger}) and the rebalances.
 * <p>
 * A rebalance hands partitions over: on revocation the offsets already earned are committed while the consumer
 * still owns them, and whatever is in flight is forgotten (it comes again to the new owner, and the upserts make the
 * second time change nothing). A partition assigned anew is read again from its committed offset, so a batch of it
 * polled before that assignment (in an older group generation) finishes without committing anything; a partition the
 * consumer keeps through a cooperative rebalance keeps its batches.
 */
@ApplicationScoped
@Identifier(OffsetCommits.STRATEGY)
public class OffsetCommits implements KafkaCommitHandler.Factory {

    static final String STRATEGY = "enrich-offsets";

    private final OffsetLedger<TopicPartition> ledger = new OffsetLedger<>();
    /** The group generation in which each owned partition was assigned to this consumer. */
    private final Map<TopicPartition, Integer> ownedSince = new HashMap<>();
    private final Duration timeout;
    private volatile KafkaConsumer<Object, Object> consumer;

    public OffsetCommits(@ConfigProperty(name = "paperstream.enrich.kafka.commit-timeout") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    @SuppressWarnings("unchecked")
    public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        this.consumer = (KafkaConsumer<Object, Object>) consumer;
        return new Hooks();
    }

    /** The batch has been stored and announced, dead letters included: its offsets may be committed in turn. */
    public void done(ConsumerRecords<?, ?> records) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> of = records.records(partition);
            ledger.done(partition, of.get(of.size() - 1));
        }
    }

    /**
     * Commits every offset earned so far on the partitions this consumer owns, on the consumer's polling thread;
     * throws when the broker does not confirm within the commit timeout.
     */
    public void commit() {
        consumer.runOnPollingThread(c -> {
            Map<TopicPartition, Long> offsets = new HashMap<>(ledger.toCommit());
            offsets.keySet().retainAll(c.assignment());
            if (!offsets.isEmpty()) {
                c.commitSync(metadata(offsets), timeout);
                ledger.committed(offsets);
            }
            return null;
        }).await().atMost(timeout.multipliedBy(2));
    }

    private static Map<TopicPartition, OffsetAndMetadata> metadata(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        offsets.forEach((partition, offset) -> out.put(partition, new OffsetAndMetadata(offset)));
        return out;
    }

    private final class Hooks implements KafkaCommitHandler {

        /** Called on the consumer's event loop, for each batch's last record of each partition, in delivery order. */
        @Override
        public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
            TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
            Integer since = ownedSince(partition);
            if (since != null && record.getConsumerGroupGenerationId() >= since) {
                ConsumerRecord<K, V> last = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
                ledger.delivered(partition, last, record.getOffset());
            }
            return Uni.createFrom().item(record);
        }

        /** Acknowledgements commit nothing: the consumer method has committed by the time it returns. */
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            return Uni.createFrom().voidItem();
        }

        /** Called on the polling thread, where the consumer may commit synchronously while it still owns them. */
        @Override
        public void partitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
            Map<TopicPartition, Long> earned = ledger.release(partitions);
            if (earned.isEmpty()) {
                return;
            }
            try {
                consumer.unwrap().commitSync(metadata(earned), timeout);
            } catch (RuntimeException e) {
                Log.warnf("could not commit %s while giving the partitions up; the new owner will process those "
                        + "entries again, changing nothing: %s", earned, Causes.root(e));
            }
        }

        /** Called on the polling thread with the partitions this consumer did not own before. */
        @Override
        public void partitionsAssigned(Collection<TopicPartition> partitions) {
            int generation = consumer.unwrap().groupMetadata().generationId();
            ledger.release(partitions);
            synchronized (ownedSince) {
                partitions.forEach(p -> ownedSince.put(p, generation));
            }
        }
    }

    private Integer ownedSince(TopicPartition partition) {
        synchronized (ownedSince) {
            return ownedSince.get(partition);
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        synchronized (ownedSince) {
            partitions.forEach(ownedSince::remove);
        }
    }
}
