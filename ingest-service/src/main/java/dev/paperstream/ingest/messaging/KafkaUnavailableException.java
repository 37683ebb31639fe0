package dev.paperstream.ingest.messaging;

/** Kafka did not acknowledge every entry of a digest in time; nothing was recorded as accepted. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
