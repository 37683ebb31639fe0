package dev.paperstream.notify.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt: the delivery is done, waits for another try, or has failed for good; and whether its
 * subscription is disabled, with the reason a subscriber reads in {@code GET /subscriptions/{id}}.
 *
 * @param status        {@code delivered}, {@code pending} or {@code failed}
 * @param nextAttemptAt when to try again (pending only)
 * @param disableReason non-null when the subscription is to be disabled
 */
public record NextStep(String status, Instant nextAttemptAt, String disableReason) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    /**
     * @param attempts           attempts made so far, this one included
     * @param age                time since the delivery was created
     * @param refusalsInARow     deliveries of the subscription refused in a row before this one
     */
    public static NextStep after(AttemptResult result, int attempts, Duration age, int refusalsInARow, Instant now,
                                 RetrySchedule schedule, Duration giveUpAfter, int disableAfterRefusals) {
        return switch (result.verdict()) {
            case DELIVERED -> new NextStep(DELIVERED, null, null);
            case RETRY -> age.compareTo(giveUpAfter) >= 0
                    ? new NextStep(FAILED, null, "deliveries kept failing for " + hours(age) + "; last attempt: "
                            + result.describe())
                    : new NextStep(PENDING, now.plus(schedule.delayAfter(attempts, result.retryAfter())), null);
            case REFUSED -> new NextStep(FAILED, null, refusalsInARow + 1 >= disableAfterRefusals
                    ? (refusalsInARow + 1) + " deliveries in a row were refused; last: " + result.describe()
                    : null);
            case GONE -> new NextStep(FAILED, null, result.targetRefused()
                    ? "the url is refused now: " + result.error()
                    : "the receiver answered 410 Gone");
        };
    }

    private static String hours(Duration age) {
        return age.toHours() >= 1 ? age.toHours() + " h" : age.toSeconds() + " s";
    }
}
