package dev.paperstream.query.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import dev.paperstream.filter.InvalidParameterException;

/**
 * Opaque page cursors: the keyset position after the last item of a page, tagged with a version and with a hash
 * of the question it belongs to, and closed by a checksum. Reads are public and positions are only ever bound as
 * SQL parameters, so the checksum guards against corrupted and hand-edited cursors, not against an attacker; that
 * is why no secret key is involved and cursors survive restarts and work across instances.
 */
public final class CursorCodec {

    private static final String VERSION = "c1";
    private static final String SEPARATOR = "\u001f";
    private static final int CHECKSUM_BYTES = 8;
    private static final int MAX_CURSOR_LENGTH = 2048;
    private static final HexFormat HEX = HexFormat.of();

    private CursorCodec() {
    }

    /** The cursor for {@code position} in the question identified by {@code fingerprint}. */
    public static String encode(String fingerprint, List<String> position) {
        for (String value : position) {
            if (value.contains(SEPARATOR)) {
                throw new IllegalArgumentException("cursor position values may not contain the separator");
            }
        }
        byte[] payload = (VERSION + SEPARATOR + scope(fingerprint) + SEPARATOR + String.join(SEPARATOR, position))
                .getBytes(StandardCharsets.UTF_8);
        byte[] token = ByteBuffer.allocate(payload.length + CHECKSUM_BYTES)
                .put(payload)
                .put(checksum(payload))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * The position in {@code cursor}, which must have been issued for the question identified by
     * {@code fingerprint} and hold {@code size} values.
     */
    public static List<String> decode(String fingerprint, String cursor, int size) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw malformed();
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (token.length <= CHECKSUM_BYTES) {
            throw malformed();
        }
        byte[] payload = Arrays.copyOf(token, token.length - CHECKSUM_BYTES);
        byte[] checksum = Arrays.copyOfRange(token, token.length - CHECKSUM_BYTES, token.length);
        if (!MessageDigest.isEqual(checksum, checksum(payload))) {
            throw malformed();
        }
        List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split(Pattern.quote(SEPARATOR), -1));
        if (parts.size() != size + 2 || !VERSION.equals(parts.get(0))) {
            throw malformed();
        }
        if (!scope(fingerprint).equals(parts.get(1))) {
            throw new InvalidParameterException("cursor",
                    "cursor belongs to a different query; send the same parameters as for the page it came from");
        }
        return parts.subList(2, parts.size());
    }

    /** The refusal for a cursor whose position values do not parse. */
    public static InvalidParameterException malformed() {
        return new InvalidParameterException("cursor", "cursor is malformed; use the nextCursor of a previous page");
    }

    private static String scope(String fingerprint) {
        return HEX.formatHex(sha256(fingerprint.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static byte[] checksum(byte[] payload) {
        return Arrays.copyOf(sha256(payload), CHECKSUM_BYTES);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
