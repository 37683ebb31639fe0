package dev.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The paper id of the contract: {@code arxiv-<id>} when the arXiv id is known, else {@code title-<hash>} of the
 * normalized title, so the same paper in two digests is one paper.
 */
public final class PaperIdentity {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private PaperIdentity() {
    }

    public static String paperId(String arxivId, String title) {
        if (arxivId != null) {
            return "arxiv-" + arxivId.replace('/', '_');
        }
        return "title-" + sha256Hex(normalizedTitle(title)).substring(0, 16);
    }

    /** NFKC, lower case, every run of characters that are neither letter nor digit one space, trimmed. */
    public static String normalizedTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").strip();
    }

    static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
