package dev.paperstream.ingest.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real digest page in {@code ../shared/digests}, read where the build says it is. */
public final class SampleDigest {

    public static final String FIRST_TITLE = "PAT: Pruning-Aware Tuning for Large Language Models";
    public static final String LAST_TITLE = "CDR: Customizable Density Ratios of Strong-over-weak LLMs for Preference Annotation";
    public static final int ENTRIES = 104;

    private SampleDigest() {
    }

    public static String page() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes() {
        String dir = System.getProperty("paperstream.shared.dir", "../../shared");
        try {
            return Files.readAllBytes(Path.of(dir, "digests", "daily-papers-mar-14.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
