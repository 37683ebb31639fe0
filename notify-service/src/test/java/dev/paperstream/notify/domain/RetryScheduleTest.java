package dev.paperstream.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), new Random(7));

    @Test
    void delays_double_between_half_and_all_of_their_ceiling_up_to_the_cap() {
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.delayAfter(1, Optional.empty())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(schedule.delayAfter(3, Optional.empty())).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
            assertThat(schedule.delayAfter(40, Optional.empty())).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }

    @Test
    void the_default_schedule_keeps_retrying_for_more_than_24_hours_before_its_25_hour_limit() {
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (elapsed.compareTo(Duration.ofHours(25)) < 0) {
            attempts++;
            elapsed = elapsed.plus(schedule.delayAfter(attempts, Optional.empty()));
        }
        // at least 24 h of attempts, about hourly at the end: more than 24 of them
        assertThat(attempts).isGreaterThan(24);
    }

    @Test
    void a_longer_retry_after_is_honoured_up_to_the_cap_and_a_shorter_one_does_not_shorten_the_back_off() {
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(120)))).isEqualTo(Duration.ofSeconds(120));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofDays(3)))).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(1)))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reads_retry_after_as_seconds_or_an_http_date() {
        Instant now = Instant.parse("2026-03-14T10:00:00Z");
        assertThat(RetrySchedule.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.retryAfter("Sat, 14 Mar 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetrySchedule.retryAfter("Sat, 14 Mar 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetrySchedule.retryAfter("soon", now)).isEmpty();
        assertThat(RetrySchedule.retryAfter("-5", now)).isEmpty();
        assertThat(RetrySchedule.retryAfter(null, now)).isEmpty();
    }
}
