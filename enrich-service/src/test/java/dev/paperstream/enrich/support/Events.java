package dev.paperstream.enrich.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reading {@code papers-enriched} as a downstream consumer does. */
public final class Events {

    private Events() {
    }

    public record Event(ConsumerRecord<String, String> record, JsonNode paper) {

        public String header(String name) {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }

        public String digestId() {
            return paper.path("digest").path("id").asText(null);
        }
    }

    /** Polls until {@code count} events matching {@code filter} arrived or the timeout passed. */
    public static List<Event> await(KafkaConsumer<String, String> consumer, Predicate<Event> filter, int count,
            Duration timeout) {
        List<Event> out = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (out.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                Event e = new Event(r, parse(r.value()));
                if (filter.test(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Whatever matching arrives within {@code window}: for asserting that nothing (more) comes. */
    public static List<Event> drain(KafkaConsumer<String, String> consumer, Predicate<Event> filter, Duration window) {
        return await(consumer, filter, Integer.MAX_VALUE, window);
    }

    private static JsonNode parse(String json) {
        try {
            return KafkaClients.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event is not JSON: " + json, e);
        }
    }
}
