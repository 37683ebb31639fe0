package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the URLs in a paper's title and abstract as a reader would click them: a URL ends at white space, controls, quotes,
 * angle or curly brackets and backslashes (LaTeX {@code &#92;url{...}}), loses trailing sentence punctuation and closing
 * brackets it did not open, and is normalized (lower-case scheme and host, default port and a bare trailing slash
 * dropped) so each link is kept once per paper. Authors often leave the scheme out ({@code github.com/owner/repo},
 * {@code www.example.org}); such a link counts when it starts with {@code www.}, is a project page or space
 * ({@code *.github.io}, {@code *.hf.space}), or has a path after a site papers link to (GitHub, Hugging Face, arXiv)
 * or a common top-level domain, and gets {@code https://}. Names such as {@code Node.js}, {@code arXiv.org} or
 * {@code e.g.} alone are not links.
 */
public final class LinkExtractor {

    private static final String TRAILING_PUNCTUATION = ".,;:!?*'\"";
    private static final Set<String> LINKED_SITES = Set.of(
            "github.com", "huggingface.co", "hf.co", "arxiv.org", "gitlab.com", "zenodo.org", "kaggle.com");
    private static final Set<String> COMMON_TLDS = Set.of(
            "com", "org", "net", "io", "ai", "co", "edu", "gov", "dev", "app", "me", "info", "xyz", "cc", "tech",
            "site", "page", "uk", "de", "fr", "cn", "jp", "kr", "ca", "au", "ch", "nl", "eu", "us", "in", "it", "es",
            "se", "ru", "br", "tw", "hk", "sg", "il");

    private final LinkClassifier classifier = new LinkClassifier();

    /** The distinct links of the texts, in order of first appearance. */
    public List<Link> extract(String... texts) {
        Map<String, Link> links = new LinkedHashMap<>();
        for (String text : texts) {
            for (String raw : urls(text)) {
                String url = normalize(raw);
                if (url != null) {
                    links.computeIfAbsent(url, classifier::classify);
                }
            }
        }
        return new ArrayList<>(links.values());
    }

    /** The text with every URL replaced by spaces of the same length, so offsets stay valid. */
    public static String blankUrls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (Span span : spans(text)) {
            for (int i = span.start(); i < span.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    static List<String> urls(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (Span span : spans(text)) {
            String url = text.substring(span.start(), trimmedEnd(text, span.start(), span.end()));
            if (span.bare()) {
                found.add("https://" + url);
            } else if (url.length() > url.indexOf("://") + 3) {
                found.add(url);
            }
        }
        return found;
    }

    /** A URL's place before trimming, [start, end); bare when written without a scheme. */
    private record Span(int start, int end, boolean bare) {
    }

    /**
     * Where the URLs are, in text order. One pass: each search resumes where the previous one stopped, so no part of
     * the text is scanned more than a fixed number of times whatever it holds.
     */
    private static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        String lower = TextTokens.lowerCasePerChar(text);
        Cursor cursor = new Cursor(text, lower);
        int from = 0;
        while (from < text.length()) {
            int start = cursor.nextScheme(from);
            int bare = nextBareStart(lower, from, start < 0 ? text.length() : start);
            if (bare >= 0) {
                start = bare;
            } else if (start < 0) {
                break;
            }
            int end = cursor.end(start);
            spans.add(new Span(start, end, bare >= 0));
            from = Math.max(end, start + 1);
        }
        return spans;
    }

    /**
     * Remembers the last scheme and boundary found. The positions asked for only grow, so an answer is reused while it
     * still lies ahead and the text between is never searched twice.
     */
    private static final class Cursor {
        private final String text;
        private final String lower;
        private int schemeSearchedFrom = Integer.MAX_VALUE;
        private int scheme = -1;
        private int chunkFrom = Integer.MAX_VALUE;
        private int chunkEnd = -1;

        Cursor(String text, String lower) {
            this.text = text;
            this.lower = lower;
        }

        /** The first "http://" or "https://" at or after {@code from}, or -1. */
        int nextScheme(int from) {
            if (from >= schemeSearchedFrom && (scheme < 0 || from <= scheme)) {
                return scheme;
            }
            schemeSearchedFrom = from;
            scheme = -1;
            for (int at = lower.indexOf("http", from); at >= 0; at = lower.indexOf("http", at + 1)) {
                if (lower.startsWith("://", at + 4) || lower.startsWith("s://", at + 4)) {
                    scheme = at;
                    break;
                }
            }
            return scheme;
        }

        /**
         * Where the URL starting at {@code start} ends: a boundary character, or another URL glued on after a comma
         * or semicolon (",https://"); a scheme after a slash stays part of the URL (web.archive.org/web/2020/https://...).
         */
        int end(int start) {
            if (start < chunkFrom || start >= chunkEnd) {
                chunkFrom = start;
                chunkEnd = start;
                while (chunkEnd < text.length() && !isBoundary(text.charAt(chunkEnd))) {
                    chunkEnd++;
                }
            }
            for (int glued = nextScheme(start + 1); glued >= 0 && glued < chunkEnd; glued = nextScheme(glued + 1)) {
                if (lower.charAt(glued - 1) == ',' || lower.charAt(glued - 1) == ';') {
                    return glued;
                }
            }
            return chunkEnd;
        }
    }

    /**
     * The start of the first scheme-less link in [from, before), or -1. Candidates are only the dots between a
     * letter or digit and a letter, so ordinary prose costs a character scan; a run of host characters and dots is
     * one host, judged once.
     */
    private static int nextBareStart(String lower, int from, int before) {
        int dot = from;
        while (dot < before) {
            if (lower.charAt(dot) != '.') {
                dot++;
                continue;
            }
            int resume = dot + 1;
            if (dot > 0 && dot + 1 < lower.length() && isHostChar(lower.charAt(dot - 1))
                    && Character.isLetter(lower.charAt(dot + 1))) {
                int start = dot;
                while (start > from && isHostOrDot(lower.charAt(start - 1))) {
                    start--;
                }
                boolean glued = start > 0 && "@/\\_".indexOf(lower.charAt(start - 1)) >= 0;
                while (start < dot && !Character.isLetterOrDigit(lower.charAt(start))) {
                    start++;
                }
                int end = dot + 1;
                while (end < lower.length() && isHostOrDot(lower.charAt(end))) {
                    end++;
                }
                resume = end;
                while (end > start && (lower.charAt(end - 1) == '.' || lower.charAt(end - 1) == '-')) {
                    end--;
                }
                boolean hasPath = end + 1 < lower.length() && lower.charAt(end) == '/' && !isBoundary(lower.charAt(end + 1));
                if (!glued && end > start && isLinkHost(lower.substring(start, end), hasPath)) {
                    return start;
                }
            }
            dot = resume;
        }
        return -1;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isHostOrDot(char c) {
        return isHostChar(c) || c == '.';
    }

    private static boolean isLinkHost(String host, boolean hasPath) {
        if (host.contains("..")) {
            return false;
        }
        if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            return true;
        }
        if (host.endsWith(".github.io") || host.endsWith(".hf.space")) {
            return true;
        }
        String tld = host.substring(host.lastIndexOf('.') + 1);
        return hasPath && (LINKED_SITES.contains(host) || COMMON_TLDS.contains(tld));
    }

    /** Where a URL ends; control characters (NUL among them) never belong to one, and PostgreSQL could not store NUL. */
    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '{' || c == '}'
                || c == '\\' || c == '`' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019'
                || c == '|';
    }

    /**
     * The end of the URL in [start, end) without trailing punctuation and closing brackets that have no opening
     * partner inside it. Brackets are counted once, then kept up to date as characters are dropped.
     */
    static int trimmedEnd(String text, int start, int end) {
        int round = 0;
        int square = 0;
        for (int i = start; i < end; i++) {
            switch (text.charAt(i)) {
                case '(' -> round++;
                case ')' -> round--;
                case '[' -> square++;
                case ']' -> square--;
                default -> {
                }
            }
        }
        while (end > start) {
            char last = text.charAt(end - 1);
            if (last == ')' && round < 0) {
                round++;
            } else if (last == ']' && square < 0) {
                square++;
            } else if (TRAILING_PUNCTUATION.indexOf(last) < 0) {
                break;
            }
            end--;
        }
        return end;
    }

    /**
     * Lower-cases scheme and host, drops a default port and a bare "/" path; null when there is no host or the
     * scheme is not http or https, so nothing else ({@code javascript:}, {@code data:}, {@code file:}) is ever a link.
     */
    static String normalize(String url) {
        int schemeEnd = url.indexOf("://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int pathStart = firstOf(rest, "/?#");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String host = authority.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (scheme.equals("http") && host.endsWith(":80") || scheme.equals("https") && host.endsWith(":443")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        if (host.isEmpty() || !Character.isLetterOrDigit(host.charAt(0))) {
            return null;
        }
        if (path.equals("/")) {
            path = "";
        }
        return scheme + "://" + host + path;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
