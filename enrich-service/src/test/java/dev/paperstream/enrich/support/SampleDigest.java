package dev.paperstream.enrich.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared sample digest page, split the simple way its layout allows: paragraphs separated by blank lines, the
 * page chrome up to the date line, then title and abstract paragraphs in turn. Parsing digests properly is the
 * ingest service's job; the enrich tests only need the entries.
 */
public final class SampleDigest {

    public record Entry(String title, String abstractText) {
    }

    private SampleDigest() {
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("paperstream.shared.dir", "../../shared"));
    }

    public static String page() {
        try {
            return Files.readString(sharedDir().resolve("digests/daily-papers-mar-14.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Entry> entries() {
        List<String> paragraphs = Arrays.stream(page().split("\\n\\s*\\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        int first = 0;
        while (!paragraphs.get(first).matches("[A-Z][a-z]{2} \\d{1,2}")) {
            first++;
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = first + 1; i + 1 < paragraphs.size(); i += 2) {
            entries.add(new Entry(paragraphs.get(i), paragraphs.get(i + 1)));
        }
        return entries;
    }
}
