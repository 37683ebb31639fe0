package dev.paperstream.enrich.startup;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Whether the {@code digest-entries} consumer has joined its group: the broker calls back with the assignment at the
 * end of every rebalance, an empty one included (an instance beyond the partition count has joined too). Until the
 * first, an entry posted now would wait for the join, so the service is not ready yet ({@link WarmUpReadiness}).
 */
@ApplicationScoped
@Identifier(GroupMembership.NAME)
public class GroupMembership implements KafkaConsumerRebalanceListener {

    static final String NAME = "enrich-group-membership";

    private volatile boolean joined;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined = true;
    }

    public boolean joined() {
        return joined;
    }
}
