package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code application/json}: this service's own shape
 * {@code {"date": "YYYY-MM-DD", "source": "...", "entries": [{"title", "abstract", "arxivId"?, "url"?, "authors"?,
 * "categories"?, "upvotes"?}]}}, or,
 * recognized by its shape, the Hugging Face daily-papers API array ({@link HuggingFaceDigestParser}).
 */
public final class JsonDigestParser implements DigestParser {

    private final int maxEntries;

    public JsonDigestParser() {
        this(Limits.DEFAULT_MAX_ENTRIES);
    }

    /** @param maxEntries more entries are refused before any is read */
    public JsonDigestParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public ParsedDigest parse(byte[] body) {
        JsonNode root = Json.read(body);
        if (root.isArray()) {
            return new HuggingFaceDigestParser(maxEntries).parse(root);
        }
        if (!root.isObject()) {
            throw new InvalidDigestException("A JSON digest is an object {\"date\", \"source\", \"entries\": [...]} "
                    + "or a Hugging Face daily-papers array, not " + Json.type(root) + ".");
        }
        JsonNode entries = root.get("entries");
        if (entries == null || entries.isNull()) {
            throw new InvalidDigestException("The JSON digest has no \"entries\" array.");
        }
        if (!entries.isArray()) {
            throw new InvalidDigestException("\"entries\" must be an array, not " + Json.type(entries) + ".");
        }
        if (entries.isEmpty()) {
            throw new InvalidDigestException("No entry found: \"entries\" is empty.");
        }
        Limits.entries(entries.size(), maxEntries);
        List<ParsedEntry> parsed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            parsed.add(entry(entries.get(i), "entries[" + i + "]"));
        }
        return new ParsedDigest(date(root), Json.text(root, "source", "digest", Limits.MAX_SOURCE_LENGTH).map(Text::singleLine)
                .filter(source -> !source.isEmpty()), parsed);
    }

    private static ParsedEntry entry(JsonNode entry, String path) {
        if (!entry.isObject()) {
            throw new InvalidDigestException(path + " must be an object with a title, not " + Json.type(entry) + ".");
        }
        String title = Json.text(entry, "title", path, Digest.MAX_TITLE_LENGTH).map(Text::singleLine).orElse("");
        if (title.isEmpty()) {
            throw new InvalidDigestException(path + " has no title.");
        }
        return new ParsedEntry(title,
                Json.text(entry, "abstract", path, Digest.MAX_ABSTRACT_LENGTH).map(Text::paragraphs).orElse(""),
                Json.arxivId(entry, "arxivId", path).orElse(null),
                Json.url(entry, "url", path).orElse(null),
                MetadataLimits.authors(Json.texts(entry, "authors", path), path + ".authors"),
                MetadataLimits.categories(Json.texts(entry, "categories", path), path + ".categories"),
                Json.count(entry, "upvotes", path).orElse(null));
    }

    private static Optional<LocalDate> date(JsonNode root) {
        return Json.text(root, "date", "digest", Limits.MAX_DATE_LENGTH).map(raw -> {
            try {
                return Limits.date(LocalDate.parse(raw.strip()), "\"date\"");
            } catch (DateTimeParseException e) {
                throw new InvalidDigestException("\"date\" \"" + raw + "\" is not a date of the form YYYY-MM-DD.");
            }
        });
    }
}
