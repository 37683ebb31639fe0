package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gives a normalized URL its {@link LinkKind} and target, from the host and path conventions of each site. */
public final class LinkClassifier {

    private static final Set<String> GITHUB_NON_OWNERS = Set.of(
            "about", "features", "marketplace", "pricing", "topics", "trending", "collections", "sponsors",
            "login", "join", "settings", "explore", "search", "site", "apps", "enterprise");
    private static final Set<String> HUGGINGFACE_NON_OWNERS = Set.of(
            "docs", "blog", "learn", "pricing", "tasks", "login", "join", "settings", "search", "models",
            "chat", "posts", "enterprise", "api");
    /** Longer than any arXiv id with its version and ".pdf", so the patterns below only ever see short text. */
    private static final int MAX_ARXIV_ID_LENGTH = 48;
    private static final Pattern NEW_ARXIV_ID = Pattern.compile("(\\d{4}\\.\\d{4,5})(v\\d++)?");
    private static final Pattern OLD_ARXIV_ID = Pattern.compile("([a-z-]++(?:\\.[A-Z]{2})?/\\d{7})(v\\d++)?");

    public Link classify(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String host = withoutPort(slash < 0 ? rest : rest.substring(0, slash));
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> path = segments(slash < 0 ? "" : rest.substring(slash));
        if (host.equals("github.com")) {
            return github(url, path);
        }
        if (host.equals("huggingface.co") || host.equals("hf.co")) {
            return huggingFace(url, path);
        }
        if (host.endsWith(".hf.space")) {
            return new Link(url, LinkKind.SPACE, host.substring(0, host.length() - ".hf.space".length()));
        }
        if (host.equals("arxiv.org") || host.equals("export.arxiv.org")) {
            String id = arxivId(path, 1);
            if (id != null && List.of("abs", "pdf", "html").contains(path.get(0))) {
                return new Link(url, LinkKind.PAPER, id);
            }
        }
        if (host.endsWith(".github.io")) {
            String target = path.isEmpty() ? host : host + "/" + path.get(0);
            return new Link(url, LinkKind.PROJECT_PAGE, target);
        }
        return new Link(url, LinkKind.WEBSITE, host);
    }

    private static Link github(String url, List<String> path) {
        if (path.isEmpty() || GITHUB_NON_OWNERS.contains(path.get(0).toLowerCase(Locale.ROOT))) {
            return new Link(url, LinkKind.WEBSITE, "github.com");
        }
        if (path.size() == 1) {
            return new Link(url, LinkKind.PROFILE, path.get(0));
        }
        if (path.get(0).equalsIgnoreCase("orgs") || path.get(0).equalsIgnoreCase("users")) {
            return new Link(url, LinkKind.PROFILE, path.get(1));
        }
        String repo = path.get(1).endsWith(".git") ? path.get(1).substring(0, path.get(1).length() - 4) : path.get(1);
        return new Link(url, LinkKind.CODE, path.get(0) + "/" + repo);
    }

    private static Link huggingFace(String url, List<String> path) {
        if (path.isEmpty() || HUGGINGFACE_NON_OWNERS.contains(path.get(0))) {
            return new Link(url, LinkKind.WEBSITE, "huggingface.co");
        }
        String first = path.get(0);
        switch (first) {
            case "papers" -> {
                String id = arxivId(path, 1);
                return id == null ? new Link(url, LinkKind.WEBSITE, "huggingface.co") : new Link(url, LinkKind.PAPER, id);
            }
            case "datasets", "spaces", "collections" -> {
                LinkKind kind = first.equals("datasets") ? LinkKind.DATASET
                        : first.equals("spaces") ? LinkKind.SPACE : LinkKind.COLLECTION;
                if (path.size() >= 3) {
                    return new Link(url, kind, path.get(1) + "/" + path.get(2));
                }
                return path.size() == 2 ? new Link(url, LinkKind.ORGANIZATION, path.get(1))
                        : new Link(url, LinkKind.WEBSITE, "huggingface.co");
            }
            default -> {
                return path.size() == 1 ? new Link(url, LinkKind.ORGANIZATION, first)
                        : new Link(url, LinkKind.MODEL, first + "/" + path.get(1));
            }
        }
    }

    /** The arXiv id without version from the path segments starting at {@code from}, or null. */
    private static String arxivId(List<String> path, int from) {
        if (path.size() <= from) {
            return null;
        }
        String candidate = String.join("/", path.subList(from, path.size()));
        if (candidate.length() > MAX_ARXIV_ID_LENGTH) {
            return null;
        }
        if (candidate.endsWith(".pdf")) {
            candidate = candidate.substring(0, candidate.length() - 4);
        }
        Matcher m = NEW_ARXIV_ID.matcher(candidate);
        if (m.matches()) {
            return m.group(1);
        }
        m = OLD_ARXIV_ID.matcher(candidate);
        return m.matches() ? m.group(1) : null;
    }

    /** The host without a trailing ":digits" port. */
    private static String withoutPort(String authority) {
        int i = authority.length();
        while (i > 0 && authority.charAt(i - 1) >= '0' && authority.charAt(i - 1) <= '9') {
            i--;
        }
        return i < authority.length() && i > 0 && authority.charAt(i - 1) == ':' ? authority.substring(0, i - 1) : authority;
    }

    private static List<String> segments(String path) {
        int end = firstOf(path, "?#");
        String clean = end < 0 ? path : path.substring(0, end);
        List<String> out = new ArrayList<>();
        for (String segment : clean.split("/")) {
            if (!segment.isEmpty()) {
                out.add(segment);
            }
        }
        return out;
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
