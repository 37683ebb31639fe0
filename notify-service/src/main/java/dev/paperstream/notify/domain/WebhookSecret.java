package dev.paperstream.notify.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form {@code whsec_<base64 of the key>}: generated with 32 random bytes
 * when the subscriber gives none; a given one must hold 24 to 64 bytes.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int GENERATED_BYTES = 32;
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code given} when it is a valid secret, else an {@link IllegalArgumentException} saying what is wrong. */
    public static String validate(String given) {
        if (!given.startsWith(PREFIX)) {
            throw new IllegalArgumentException("secret must start with " + PREFIX + " followed by the key in base64 "
                    + "(or be left out, and one is generated)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(given.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret's key after " + PREFIX + " must be standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("secret's key must be " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes (it is " + key.length + ")");
        }
        return given;
    }
}
