package dev.paperstream.notify.domain;

/** The service holds as many subscriptions as it is configured to. */
public class SubscriptionLimitException extends RuntimeException {

    public SubscriptionLimitException(int limit) {
        super("this service holds its limit of " + limit + " subscriptions (PAPERSTREAM_WEBHOOKS_MAX_SUBSCRIPTIONS); "
                + "delete one first");
    }
}
