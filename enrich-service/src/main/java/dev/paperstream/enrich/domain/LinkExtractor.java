package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the URLs in a paper's title and abstract as a reader would click them: a URL ends at white space, quotes,
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
        List<int[]> spans = spans(text);
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
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
        for (int[] span : spans(text)) {
            String url = trim(text.substring(span[0], span[1]));
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                found.add("https://" + url);
            } else if (scheme > 0 && url.length() > scheme + 3) {
                found.add(url);
            }
        }
        return found;
    }

    /** Where the URLs are, as [start, end) before trimming, in text order. */
    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        String lower = TextTokens.lowerCasePerChar(text);
        int from = 0;
        while (from < text.length()) {
            int start = nextStart(lower, from);
            int bare = nextBareStart(lower, from, start < 0 ? text.length() : start);
            if (bare >= 0) {
                start = bare;
            } else if (start < 0) {
                break;
            }
            int end = end(text, lower, start);
            spans.add(new int[] {start, end});
            from = Math.max(end, start + 1);
        }
        return spans;
    }

    private static int nextStart(String lower, int from) {
        int http = lower.indexOf("http://", from);
        int https = lower.indexOf("https://", from);
        if (http < 0) {
            return https;
        }
        return https < 0 ? http : Math.min(http, https);
    }

    /**
     * Where the URL starting at {@code start} ends: a boundary character, or another URL glued on after a comma or
     * semicolon (",https://"); a scheme after a slash stays part of the URL (web.archive.org/web/2020/https://...).
     */
    private static int end(String text, String lower, int start) {
        int end = start;
        while (end < text.length() && !isBoundary(text.charAt(end))) {
            end++;
        }
        for (int glued = nextStart(lower, start + 1); glued > start && glued < end; glued = nextStart(lower, glued + 1)) {
            if (lower.charAt(glued - 1) == ',' || lower.charAt(glued - 1) == ';') {
                return glued;
            }
        }
        return end;
    }

    /**
     * The start of the first scheme-less link in [from, before), or -1. Candidates are only the dots between a
     * letter or digit and a letter, so ordinary prose costs a character scan.
     */
    private static int nextBareStart(String lower, int from, int before) {
        for (int dot = lower.indexOf('.', from); dot >= 0 && dot < before; dot = lower.indexOf('.', dot + 1)) {
            if (dot == 0 || dot + 1 >= lower.length() || !isHostChar(lower.charAt(dot - 1))
                    || !Character.isLetter(lower.charAt(dot + 1))) {
                continue;
            }
            int start = dot;
            while (start > from && (isHostChar(lower.charAt(start - 1)) || lower.charAt(start - 1) == '.')) {
                start--;
            }
            boolean glued = start > 0 && "@/\\_".indexOf(lower.charAt(start - 1)) >= 0;
            while (start < dot && !Character.isLetterOrDigit(lower.charAt(start))) {
                start++;
            }
            int end = dot + 1;
            while (end < lower.length() && (isHostChar(lower.charAt(end)) || lower.charAt(end) == '.')) {
                end++;
            }
            while (lower.charAt(end - 1) == '.' || lower.charAt(end - 1) == '-') {
                end--;
            }
            boolean hasPath = end + 1 < lower.length() && lower.charAt(end) == '/' && !isBoundary(lower.charAt(end + 1));
            if (!glued && isLinkHost(lower.substring(start, end), hasPath)) {
                return start;
            }
            dot = end - 1;
        }
        return -1;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
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
