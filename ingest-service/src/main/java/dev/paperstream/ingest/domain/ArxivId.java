package dev.paperstream.ingest.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** arXiv identifiers as digests write them: bare, {@code arXiv:}-prefixed, OAI ids, or abs/pdf links. */
public final class ArxivId {

    private static final Pattern PREFIX = Pattern.compile(
            "(?i)^(?:https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/|oai:arxiv\\.org:|arxiv:|https?://huggingface\\.co/papers/)");
    private static final Pattern ID = Pattern.compile(
            "(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");

    private ArxivId() {
    }

    /** The id without its version ({@code 2403.01234}, {@code hep-th/9901001}), or empty when {@code raw} is none. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = PREFIX.matcher(raw.strip()).replaceFirst("");
        if (candidate.endsWith(".pdf")) {
            candidate = candidate.substring(0, candidate.length() - ".pdf".length());
        }
        Matcher m = ID.matcher(candidate);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
