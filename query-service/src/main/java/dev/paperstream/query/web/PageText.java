package dev.paperstream.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.paperstream.query.domain.DigestProgress;
import io.quarkus.qute.TemplateExtension;

/** Words and numbers the pages show for stored values. */
@TemplateExtension
public final class PageText {

    private static final Map<String, String> LINK_KINDS = Map.of(
            "code", "Code", "profile", "Profile", "model", "Model", "dataset", "Dataset", "space", "Space",
            "collection", "Collection", "organization", "Organization", "paper", "Paper",
            "project-page", "Project page", "website", "Website");

    private PageText() {
    }

    /** A link kind as a badge says it ({@code project-page}: "Project page"). */
    static String linkLabel(String kind) {
        return LINK_KINDS.getOrDefault(kind, kind);
    }

    /**
     * Whether a stored URL may be a link target: links come from papers' text, and only web addresses are followed
     * ({@code javascript:} and the like are shown as text; the page's CSP would block them too).
     */
    static boolean isWebAddress(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    /** A score with two decimals, whatever the server's locale. */
    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A value as it goes into a query string. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first three author names, then "et al." when there are more. */
    static String shortAuthors(List<String> authors) {
        return authors.size() <= 3 ? String.join(", ", authors)
                : String.join(", ", authors.subList(0, 3)) + " et al.";
    }

    /** Enriched of received, as a whole percentage (100 when nothing was received). */
    static long percent(DigestProgress digest) {
        return digest.received() <= 0 ? 100 : Math.min(100, Math.round(100.0 * digest.enriched() / digest.received()));
    }
}
