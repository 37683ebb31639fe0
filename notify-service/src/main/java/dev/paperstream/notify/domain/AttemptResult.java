package dev.paperstream.notify.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What one delivery attempt came to.
 *
 * @param statusCode the receiver's HTTP status, or null when none came
 * @param error      why no status came (timeout, connection refused, refused target), or null
 * @param retryAfter the receiver's Retry-After, when it sent one
 * @param targetRefused the URL now resolves to an address the SSRF guard refuses: never retried
 */
public record AttemptResult(Integer statusCode, String error, Optional<Duration> retryAfter, Duration duration,
                            boolean targetRefused) {

    public enum Verdict {
        /** 2xx: done. */
        DELIVERED,
        /** Timeout, connection failure, 408, 429 or 5xx: try again later. */
        RETRY,
        /** Any other status (3xx are not followed, other 4xx): the receiver does not want it; never retried. */
        REFUSED,
        /** 410 Gone, or a target the guard now refuses: the subscription is disabled at once. */
        GONE
    }

    public static AttemptResult status(int statusCode, Optional<Duration> retryAfter, Duration duration) {
        return new AttemptResult(statusCode, null, retryAfter, duration, false);
    }

    public static AttemptResult failure(String error, Duration duration) {
        return new AttemptResult(null, error, Optional.empty(), duration, false);
    }

    public static AttemptResult refusedTarget(String reason) {
        return new AttemptResult(null, reason, Optional.empty(), Duration.ZERO, true);
    }

    public Verdict verdict() {
        if (targetRefused) {
            return Verdict.GONE;
        }
        if (statusCode == null) {
            return Verdict.RETRY;
        }
        if (statusCode >= 200 && statusCode < 300) {
            return Verdict.DELIVERED;
        }
        if (statusCode == 408 || statusCode == 429 || statusCode >= 500) {
            return Verdict.RETRY;
        }
        return statusCode == 410 ? Verdict.GONE : Verdict.REFUSED;
    }

    /** A line for the subscription's history and its disabled reason. */
    public String describe() {
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
