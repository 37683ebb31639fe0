package dev.paperstream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real arXiv papers of {@code shared/corpus/arxiv-listings}, every listing day in file order, each paper once: a
 * paper listed on several days (162 of the 1,849 listings) is kept at its first, so consecutive papers are distinct.
 */
record CorpusPapers(List<JsonNode> papers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CorpusPapers load() {
        Path projectDir = Path.of(System.getProperty("paperstream.project.dir", "..")).toAbsolutePath().normalize();
        Path listings = Path.of(System.getProperty("paperstream.shared.dir", projectDir.resolve("../shared").toString()))
                .resolve("corpus/arxiv-listings");
        Map<String, JsonNode> papers = new LinkedHashMap<>();
        try (Stream<Path> days = Files.list(listings)) {
            for (Path day : days.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(day)) {
                    if (!line.isBlank()) {
                        JsonNode paper = JSON.readTree(line);
                        papers.putIfAbsent(paper.get("arxivId").asText(), paper);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CorpusPapers(List.copyOf(papers.values()));
    }

    JsonNode get(int i) {
        return papers.get(Math.floorMod(i, papers.size()));
    }

    int size() {
        return papers.size();
    }
}
