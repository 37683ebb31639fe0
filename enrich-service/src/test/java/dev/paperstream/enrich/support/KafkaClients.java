package dev.paperstream.enrich.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.devstack.KafkaBrokerTestResource;
import dev.paperstream.events.DigestEntryV1;
import dev.paperstream.events.Topics;

/** Plain Kafka clients, as the ingest service and downstream users talk to the broker. */
public final class KafkaClients {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private KafkaClients() {
    }

    public static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072),
                new StringSerializer(), new StringSerializer());
    }

    /** A consumer of its own group, reading {@code topic} from the beginning. */
    public static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    public static void send(KafkaProducer<String, String> producer, List<DigestEntryV1> entries) {
        for (DigestEntryV1 entry : entries) {
            producer.send(new ProducerRecord<>(Topics.DIGEST_ENTRIES, entry.paperId(), json(entry)));
        }
        producer.flush();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code count} records arrived or the timeout passed; returns what arrived. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count,
            Duration timeout) {
        return poll(consumer, r -> true, count, timeout);
    }

    /**
     * Polls until {@code count} records matching {@code filter} arrived or the timeout passed; returns those
     * (the topic may hold other tests' records).
     */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer,
            Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (out.size() < count && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }
}
