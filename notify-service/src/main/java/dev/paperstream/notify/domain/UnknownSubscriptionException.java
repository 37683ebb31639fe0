package dev.paperstream.notify.domain;

/** No subscription has the id asked for. */
public class UnknownSubscriptionException extends RuntimeException {

    public UnknownSubscriptionException(String id) {
        super("no subscription with id " + id + "; GET /subscriptions lists them");
    }
}
