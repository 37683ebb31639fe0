package dev.paperstream.query.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.paperstream.events.Topics;
import dev.paperstream.query.domain.MergedOrder;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads papers-enriched from its end and hands each new event, in {@link MergedOrder}, to the connected clients.
 * Each instance reads every partition by assignment (no consumer group, no committed offsets): a stream is about
 * what happens while a client listens, and a resume reads the topic itself (see {@link StreamResume}).
 */
@ApplicationScoped
public class PaperStream {

    private static final Logger LOG = Logger.getLogger(PaperStream.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** A connected client: false from {@link #offer} when it is gone and should be dropped. */
    public interface Listener {
        boolean offer(StreamEvent event);
    }

    private final StreamConfig config;
    private final EventReader reader;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Next offset per partition after the last event handed out; guarded by this. */
    private final Map<Integer, Long> frontier = new HashMap<>();
    private final Map<String, MergedOrder.Place> places;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean reading;

    PaperStream(StreamConfig config, EventReader reader) {
        this.config = config;
        this.reader = reader;
        int remembered = config.rememberedIds();
        this.places = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MergedOrder.Place> eldest) {
                return size() > remembered;
            }
        };
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            Thread thread = new Thread(this::run, "paper-stream");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether the stream is reading the broker and can take clients. */
    public boolean ready() {
        return reading;
    }

    /**
     * Adds a client and returns, atomically with it, the position up to which events have been handed out: the
     * client gets every later event, and a resume reads the earlier ones up to there from the topic.
     */
    public synchronized Map<Integer, Long> subscribe(Listener listener) {
        listeners.add(listener);
        return Map.copyOf(frontier);
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** Where an event this instance handed out lies; its first occurrence, should it have been published twice. */
    public synchronized Optional<MergedOrder.Place> place(String eventId) {
        return Optional.ofNullable(places.get(eventId));
    }

    public List<Listener> listeners() {
        return listeners;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties(config.bootstrapServers()))) {
                consumer = kafka;
                read(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                reading = false;
                LOG.warnf("the live stream lost the broker, reconnecting: %s", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        kafka.seekToEnd(partitions);
        synchronized (this) {
            // after a lost connection, reading goes on where it stopped, so connected clients miss nothing
            for (TopicPartition tp : partitions) {
                Long next = frontier.get(tp.partition());
                if (next != null) {
                    kafka.seek(tp, next);
                }
                frontier.put(tp.partition(), kafka.position(tp));
            }
        }
        MergedOrder<StreamEvent> order = new MergedOrder<>(partitions.stream().map(TopicPartition::partition).toList(),
                config.grace().toMillis());
        reading = true;
        LOG.infof("live stream reading %s from its end (%d partitions)", Topics.PAPERS_ENRICHED, partitions.size());
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                order.add(EventReader.place(record), reader.read(record));
            }
            List<StreamEvent> released = order.release(
                    partition -> kafka.currentLag(new TopicPartition(Topics.PAPERS_ENRICHED, partition)).orElse(1) == 0,
                    System.currentTimeMillis());
            released.forEach(this::handOut);
        }
    }

    private void handOut(StreamEvent event) {
        synchronized (this) {
            frontier.put(event.place().partition(), event.place().offset() + 1);
            if (event.id() != null) {
                places.putIfAbsent(event.id(), event.place());
            }
            // with nobody listening the event's value is never read
            if (listeners.isEmpty() || !event.isPaper()) {
                return;
            }
            List<Listener> gone = new ArrayList<>();
            for (Listener listener : listeners) {
                if (!listener.offer(event)) {
                    gone.add(listener);
                }
            }
            listeners.removeAll(gone);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topics.PAPERS_ENRICHED, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            // enrich-service (or the compose init job) creates the topic; until then there is nothing to stream
            sleep(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    static Properties properties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // values stay bytes: most are never read (see StreamEvent), and JSON is read from bytes directly
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-service-stream");
        return p;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
    }
}
