package dev.paperstream.ingest.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.events.Topics;

/**
 * Reads {@value Topics#DIGEST_ENTRIES} as a downstream user would, with a plain consumer. The service answers only
 * after the broker acknowledged every entry, so reading up to the current end offsets sees all of a digest's
 * entries, and any duplicate, without waiting.
 */
final class DigestEntriesTopicReader implements AutoCloseable {

    record Published(String key, JsonNode value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<Published> seen = new ArrayList<>();

    DigestEntriesTopicReader() {
        KafkaBrokerTestResource.broker().createTopics(3, Topics.DIGEST_ENTRIES);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props);
        partitions = consumer.partitionsFor(Topics.DIGEST_ENTRIES, Duration.ofSeconds(20)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every entry of the digest published so far, in position order. */
    List<Published> entriesOf(String digestId) {
        readToEnd();
        return seen.stream()
                .filter(p -> digestId.equals(p.value().get("digestId").asText()))
                .sorted((a, b) -> Integer.compare(a.value().get("position").asInt(), b.value().get("position").asInt()))
                .toList();
    }

    /** Every entry published so far by digests of this source. */
    List<Published> entriesFrom(String source) {
        readToEnd();
        return seen.stream().filter(p -> source.equals(p.value().path("source").asText())).toList();
    }

    /** How many records the topic holds so far, whatever their digest. */
    int count() {
        readToEnd();
        return seen.size();
    }

    private void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read digest-entries to its end offsets " + end);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    seen.add(new Published(record.key(), JSON.readTree(record.value())));
                } catch (Exception e) {
                    throw new AssertionError("not JSON on digest-entries: " + record.value(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
