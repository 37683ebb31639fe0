package dev.paperstream.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What follows an attempt, by the receiver's answer: retried, done, failed, and when a subscription is disabled. */
class NextStepTest {

    private static final Instant NOW = Instant.parse("2026-03-14T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), new Random(1));
    private static final Duration GIVE_UP = Duration.ofHours(25);

    private static NextStep after(AttemptResult result, Duration age, int refusalsBefore) {
        return NextStep.after(result, 1, age, refusalsBefore, NOW, SCHEDULE, GIVE_UP, 10);
    }

    @ParameterizedTest
    @CsvSource({ "200,delivered", "204,delivered", "299,delivered", "408,pending", "429,pending", "500,pending",
            "502,pending", "503,pending", "301,failed", "400,failed", "401,failed", "404,failed", "422,failed",
            "410,failed" })
    void the_status_decides(int status, String next) {
        NextStep step = after(AttemptResult.status(status, Optional.empty(), Duration.ofMillis(5)), Duration.ZERO, 0);
        assertThat(step.status()).isEqualTo(next);
        assertThat(step.disableReason()).isEqualTo(status == 410 ? "the receiver answered 410 Gone" : null);
    }

    @Test
    void timeouts_and_refused_connections_are_retried_later() {
        NextStep step = after(AttemptResult.failure("no answer within 15 s", Duration.ofSeconds(15)), Duration.ZERO, 0);
        assertThat(step.status()).isEqualTo(NextStep.PENDING);
        assertThat(step.nextAttemptAt()).isBetween(NOW.plusSeconds(5), NOW.plusSeconds(10));
    }

    @Test
    void retry_after_sets_the_next_attempt() {
        NextStep step = after(AttemptResult.status(429, Optional.of(Duration.ofSeconds(300)), Duration.ZERO), Duration.ZERO, 0);
        assertThat(step.nextAttemptAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void a_delivery_failing_past_the_retry_window_fails_and_disables_its_subscription() {
        NextStep step = after(AttemptResult.status(503, Optional.empty(), Duration.ZERO), Duration.ofHours(25), 0);
        assertThat(step.status()).isEqualTo(NextStep.FAILED);
        assertThat(step.disableReason()).isEqualTo("deliveries kept failing for 25 h; last attempt: HTTP 503");
    }

    @Test
    void the_tenth_refusal_in_a_row_disables_the_subscription() {
        AttemptResult notFound = AttemptResult.status(404, Optional.empty(), Duration.ZERO);
        assertThat(after(notFound, Duration.ZERO, 8).disableReason()).isNull();
        assertThat(after(notFound, Duration.ZERO, 9).disableReason())
                .isEqualTo("10 deliveries in a row were refused; last: HTTP 404");
    }

    @Test
    void a_target_refused_at_send_time_disables_at_once() {
        NextStep step = after(AttemptResult.refusedTarget("url's host rebind.example resolves to 10.0.0.1, a private "
                + "address; webhooks go to public internet addresses only"), Duration.ZERO, 0);
        assertThat(step.status()).isEqualTo(NextStep.FAILED);
        assertThat(step.disableReason()).startsWith("the url is refused now: url's host rebind.example resolves to 10.0.0.1");
    }
}
