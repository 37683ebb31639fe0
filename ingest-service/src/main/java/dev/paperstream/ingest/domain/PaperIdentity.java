package dev.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The paper id of the contract: {@code arxiv-<id>} when the arXiv id is known, else {@code title-<hash>} of the
 * normalized title, so the same paper in two digests is one paper; once given, an id stays with the paper's arXiv
 * id and title (see {@link #paperId(String, String, Map)}).
 */
public final class PaperIdentity {

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private PaperIdentity() {
    }

    /** The paper id of an entry whose paper was never seen before. */
    public static String paperId(String arxivId, String title) {
        if (arxivId != null) {
            return "arxiv-" + arxivId.replace('/', '_');
        }
        return "title-" + titleHash(title);
    }

    /**
     * The paper id of an entry, given the ids its {@link #aliases} were first given: a page names a paper by title
     * only, a feed by arXiv id and title, and the paper must be one whichever arrived first. The arXiv id's wins.
     */
    public static String paperId(String arxivId, String title, Map<String, String> knownIds) {
        for (String alias : aliases(arxivId, title)) {
            String known = knownIds.get(alias);
            if (known != null) {
                return known;
            }
        }
        return paperId(arxivId, title);
    }

    /** The names under which an entry's paper is remembered across digests: its arXiv id when known, its title. */
    public static List<String> aliases(String arxivId, String title) {
        String byTitle = "title:" + titleHash(title);
        return arxivId == null ? List.of(byTitle) : List.of("arxiv:" + arxivId, byTitle);
    }

    /**
     * The hash of the normalized title; a title with no letter or digit (emoji or punctuation only) normalizes to
     * nothing, so its own characters, without spaces, are hashed instead and two such papers stay two. The prefix
     * keeps that apart from every normalized title, which never holds a colon.
     */
    private static String titleHash(String title) {
        String normalized = normalizedTitle(title);
        String basis = normalized.isEmpty()
                ? "symbols:" + Normalizer.normalize(title, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                : normalized;
        return sha256Hex(basis).substring(0, 16);
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
