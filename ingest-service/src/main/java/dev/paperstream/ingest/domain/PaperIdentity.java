package dev.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper id of the contract: {@code arxiv-<id>} when the arXiv id is known, else {@code title-<hash>} of the
 * normalized title, so the same paper in two digests is one paper; once given, an id stays with the paper's arXiv
 * id and title (see {@link #paperId(String, String, Map)}).
 */
public final class PaperIdentity {

    private static final String TITLE_ALIAS = "title:";
    private static final MessageDigest SHA_256 = sha256Prototype();

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
        return paperId(arxivId, aliases(arxivId, title), knownIds);
    }

    /** As {@link #paperId(String, String, Map)}, given the entry's {@link #aliases}, so its title is hashed once. */
    static String paperId(String arxivId, List<String> aliases, Map<String, String> knownIds) {
        for (String alias : aliases) {
            String known = knownIds.get(alias);
            if (known != null) {
                return known;
            }
        }
        if (arxivId != null) {
            return "arxiv-" + arxivId.replace('/', '_');
        }
        return "title-" + aliases.get(aliases.size() - 1).substring(TITLE_ALIAS.length());
    }

    /** The names under which an entry's paper is remembered across digests: its arXiv id when known, its title. */
    public static List<String> aliases(String arxivId, String title) {
        String byTitle = TITLE_ALIAS + titleHash(title);
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
        // a hand-written scan rather than a regular expression replacing [^\p{L}\p{Nd}]+: the same words, no
        // matcher per title
        StringBuilder normalized = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || Character.isDigit(c)) {
                if (gap && !normalized.isEmpty()) {
                    normalized.append(' ');
                }
                gap = false;
                normalized.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return normalized.toString();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest: a clone of one looked up once, as a provider look-up per hash costs more than it. */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 is cloneable", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
