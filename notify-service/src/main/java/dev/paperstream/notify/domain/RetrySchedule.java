package dev.paperstream.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again: exponential back-off from {@code initial}, doubling per attempt, capped at
 * {@code max}, each delay drawn uniformly between half and all of its value so that receivers coming back are not hit
 * by every subscription at once. A receiver's {@code Retry-After} is honoured when it asks for longer (up to
 * {@code max}).
 */
public final class RetrySchedule {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public RetrySchedule(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts, Optional<Duration> retryAfter) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < attempts && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long drawn = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(drawn, Math.min(asked, max.toMillis())));
    }

    /**
     * A {@code Retry-After} header's wait: delay-seconds or an HTTP-date (RFC 9110); empty when absent or unreadable.
     */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
