package dev.paperstream.ingest.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real arXiv daily listings in {@code ../shared/corpus/arxiv-listings}, read where the build says they are. */
public final class ArxivListings {

    /** One paper as arXiv listed it: the abstract verbatim, with arXiv's own line breaks. */
    public record Paper(String arxivId, String title, String abstractText, List<String> authors,
            List<String> categories) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArxivListings() {
    }

    /** The papers of the listing of {@code day} ({@code 2025-06-02}), in the listing's order. */
    public static List<Paper> day(String day) {
        Path file = Path.of(System.getProperty("paperstream.shared.dir", "../../shared"), "corpus", "arxiv-listings",
                day + ".jsonl");
        try {
            List<Paper> papers = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode row = JSON.readTree(line);
                papers.add(new Paper(row.get("arxivId").asText(), row.get("title").asText(),
                        row.get("abstract").asText(), texts(row.get("authors")), texts(row.get("categories"))));
            }
            return papers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
