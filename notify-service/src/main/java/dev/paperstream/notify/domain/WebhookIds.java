package dev.paperstream.notify.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifiers: subscriptions get random ones; a delivery's {@code webhook-id} is derived, so it never changes. */
public final class WebhookIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookIds() {
    }

    public static String newSubscriptionId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "sub_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The {@code webhook-id} of the message an event makes for a subscription: the same for every retry and for the
     * same event read twice (a redelivery from Kafka, two notify instances), different across subscriptions.
     */
    public static String webhookId(String subscriptionId, String eventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A test message's id: random, as each test is a message of its own. */
    public static String testWebhookId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "msg_test_" + HexFormat.of().formatHex(bytes);
    }
}
