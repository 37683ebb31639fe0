package dev.paperstream.query.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv ids as people write them in a paper path: bare ({@code 2403.09611}), with a version ({@code 2403.09611v2}),
 * with arXiv's prefix ({@code arXiv:2403.09611}) or the catalogue's ({@code arxiv-2403.09611}), and old-style ids
 * with a slash or, as the catalogue's ids spell them, an underscore ({@code hep-th/9901001}, {@code hep-th_9901001}).
 */
public final class ArxivIdForms {

    private static final Pattern FORM = Pattern.compile(
            "(?:(?i:arxiv)[:-])?(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?[/_]\\d{7})(?:v\\d+)?");

    private ArxivIdForms() {
    }

    /** The arXiv id without version as the catalogue stores it ({@code hep-th/9901001}), or empty. */
    public static Optional<String> parse(String written) {
        Matcher m = FORM.matcher(written.strip());
        return m.matches() ? Optional.of(m.group(1).replace('_', '/')) : Optional.empty();
    }
}
