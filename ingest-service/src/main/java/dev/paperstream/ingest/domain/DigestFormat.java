package dev.paperstream.ingest.domain;

import java.nio.charset.Charset;
import java.time.Year;
import java.util.Locale;

/** The digest formats {@code POST /digests} reads, chosen by the request's media type. */
public enum DigestFormat {

    PAGE("daily-papers"),
    JSON("json"),
    ATOM(AtomDigestParser.SOURCE);

    public static final String SUPPORTED = "text/plain (a digest page), application/json (a JSON digest or the "
            + "Hugging Face daily-papers list) and application/atom+xml (an arXiv Atom feed)";

    private final String defaultSource;

    DigestFormat(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    /** @param mediaType {@code type/subtype} without parameters, e.g. {@code text/plain} */
    public static DigestFormat forMediaType(String mediaType) {
        String type = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/plain" -> PAGE;
            case "application/json" -> JSON;
            case "application/atom+xml", "application/xml", "text/xml" -> ATOM;
            default -> throw new UnsupportedFormatException((type.isEmpty() ? "The request has no Content-Type"
                    : "Content-Type " + type + " is not a digest format") + ". Send " + SUPPORTED + ".");
        };
    }

    /**
     * @param charset the request's charset for a page; JSON is UTF-8 by definition and XML declares its own
     * @param year    the year of a page's date line that names none
     * @param maxEntries more entries are refused while parsing
     */
    public DigestParser parser(Charset charset, Year year, int maxEntries) {
        return switch (this) {
            case PAGE -> new PageDigestParser(charset, year, maxEntries);
            case JSON -> new JsonDigestParser(maxEntries);
            case ATOM -> new AtomDigestParser(maxEntries);
        };
    }

    /** The source label of a digest whose body and request name none. */
    public String defaultSource() {
        return defaultSource;
    }
}
