package dev.paperstream.e2e;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** What the broker says of a consumer group on one topic: who owns which partition, and what each has committed. */
final class ConsumerGroup implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final String topic;

    ConsumerGroup(String bootstrapServers, String group, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.topic = topic;
    }

    /** The topic's partitions each member owns, by member id. */
    Map<String, Set<TopicPartition>> assignment() {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
        Map<String, Set<TopicPartition>> owners = new HashMap<>();
        for (MemberDescription member : description.members()) {
            Set<TopicPartition> partitions = new HashSet<>(member.assignment().topicPartitions());
            partitions.removeIf(p -> !p.topic().equals(topic));
            owners.put(member.consumerId(), partitions);
        }
        return owners;
    }

    /** The group's committed offset of each partition that has one. */
    Map<TopicPartition, Long> committed() {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> out = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                out.put(partition, offset.offset());
            }
        });
        return out;
    }

    /** The offset after the last record of each of the topic's partitions. */
    Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> out.put(partition, info.offset()));
        return out;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer about group " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
