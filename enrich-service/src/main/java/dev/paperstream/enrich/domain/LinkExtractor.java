package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the URLs in a paper's title and abstract as a reader would click them: a URL ends at white space, quotes,
 * angle or curly brackets and backslashes (LaTeX {@code &#92;url{...}}), loses trailing sentence punctuation and closing
 * brackets it did not open, and is normalized (lower-case scheme and host, default port and a bare trailing slash
 * dropped) so each link is kept once per paper.
 */
public final class LinkExtractor {

    private static final String TRAILING_PUNCTUATION = ".,;:!?*'\"";

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
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        int start;
        while ((start = nextStart(lower, from)) >= 0) {
            int end = start;
            while (end < text.length() && !isBoundary(text.charAt(end))) {
                out.setCharAt(end, ' ');
                end++;
            }
            from = Math.max(end, start + 1);
        }
        return out.toString();
    }

    static List<String> urls(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int start = nextStart(lower, from);
            if (start < 0) {
                return found;
            }
            int end = start;
            while (end < text.length() && !isBoundary(text.charAt(end))) {
                end++;
            }
            String url = trim(text.substring(start, end));
            if (url.indexOf("://") > 0 && url.length() > url.indexOf("://") + 3) {
                found.add(url);
            }
            from = Math.max(end, start + 1);
        }
    }

    private static int nextStart(String lower, int from) {
        int http = lower.indexOf("http://", from);
        int https = lower.indexOf("https://", from);
        if (http < 0) {
            return https;
        }
        return https < 0 ? http : Math.min(http, https);
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '{' || c == '}'
                || c == '\\' || c == '`' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019'
                || c == '|';
    }

    /** Drops trailing punctuation and closing brackets that have no opening partner inside the URL. */
    static String trim(String url) {
        String s = url;
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            char last = s.charAt(s.length() - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0
                    || last == ')' && count(s, '(') < count(s, ')')
                    || last == ']' && count(s, '[') < count(s, ']')) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
        }
        return s;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Lower-cases scheme and host, drops a default port and a bare "/" path; null when there is no host. */
    static String normalize(String url) {
        int schemeEnd = url.indexOf("://");
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int pathStart = firstOf(rest, "/?#");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
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
