package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the Hugging Face daily-papers API JSON: an array of objects whose {@code paper} has {@code id} (the arXiv
 * id), {@code title}, {@code summary}, {@code publishedAt}, {@code authors} ({@code [{"name"}]}) and {@code upvotes}
 * (the count on the day it was listed). The digest date is the day the papers were listed
 * (the items' own {@code publishedAt}), else the latest paper's date, so the same listing fetched twice is the same
 * digest.
 */
public final class HuggingFaceDigestParser {

    public static final String SOURCE = "hf-daily-papers";

    private final int maxEntries;

    /** @param maxEntries more entries are refused before any is read */
    public HuggingFaceDigestParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public ParsedDigest parse(JsonNode root) {
        if (root.isEmpty()) {
            throw new InvalidDigestException("No entry found: the JSON array is empty.");
        }
        Limits.entries(root.size(), maxEntries);
        List<ParsedEntry> entries = new ArrayList<>(root.size());
        List<LocalDate> listed = new ArrayList<>();
        List<LocalDate> published = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String path = "[" + i + "]";
            JsonNode item = root.get(i);
            JsonNode paper = item.get("paper");
            if (!item.isObject() || paper == null || !paper.isObject()) {
                throw new InvalidDigestException("A JSON array is read as the Hugging Face daily-papers list: "
                        + path + " must be an object with a \"paper\" object.");
            }
            String paperPath = path + ".paper";
            String title = Json.text(paper, "title", paperPath, Digest.MAX_TITLE_LENGTH)
                    .or(() -> Json.text(item, "title", path, Digest.MAX_TITLE_LENGTH))
                    .map(Text::singleLine).orElse("");
            if (title.isEmpty()) {
                throw new InvalidDigestException(paperPath + " has no title.");
            }
            Optional<String> arxivId = Json.arxivId(paper, "id", paperPath);
            entries.add(new ParsedEntry(title,
                    Json.text(paper, "summary", paperPath, Digest.MAX_ABSTRACT_LENGTH)
                            .or(() -> Json.text(item, "summary", path, Digest.MAX_ABSTRACT_LENGTH))
                            .map(Text::paragraphs).orElse(""),
                    arxivId.orElse(null),
                    arxivId.map(id -> "https://huggingface.co/papers/" + id).orElse(null),
                    MetadataLimits.authors(Json.names(paper, "authors", paperPath), paperPath + ".authors"),
                    List.of(),
                    Json.count(paper, "upvotes", paperPath).orElse(null)));
            Json.day(item, "publishedAt", path).ifPresent(listed::add);
            Json.day(paper, "publishedAt", paperPath).ifPresent(published::add);
        }
        Optional<LocalDate> date = (listed.isEmpty() ? published : listed).stream().max(Comparator.naturalOrder());
        return new ParsedDigest(date, Optional.of(SOURCE), entries);
    }
}
