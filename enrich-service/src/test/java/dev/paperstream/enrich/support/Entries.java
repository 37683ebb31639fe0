package dev.paperstream.enrich.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.paperstream.events.DigestEntryV1;

/** Builds raw entries as the ingest service publishes them. */
public final class Entries {

    private Entries() {
    }

    public static List<DigestEntryV1> ofSample(String digestId, LocalDate date) {
        List<SampleDigest.Entry> sample = SampleDigest.entries();
        List<DigestEntryV1> out = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            SampleDigest.Entry e = sample.get(i);
            out.add(entry(digestId, date, i + 1, sample.size(), e.title(), e.abstractText()));
        }
        return out;
    }

    public static DigestEntryV1 entry(String digestId, LocalDate date, int position, int count, String title,
            String abstractText) {
        return new DigestEntryV1(DigestEntryV1.SCHEMA_VERSION, digestId, date, "daily-papers", position, count,
                titleId(title), null, title, abstractText, null, Instant.parse("2026-03-14T08:00:00Z"), null, null, null);
    }

    /** {@code entry} as a digest carrying authors, arXiv categories and upvotes gives it (each may be null). */
    public static DigestEntryV1 withMetadata(DigestEntryV1 entry, List<String> authors, List<String> categories,
            Integer upvotes) {
        return new DigestEntryV1(entry.schemaVersion(), entry.digestId(), entry.digestDate(), entry.source(),
                entry.position(), entry.entryCount(), entry.paperId(), entry.arxivId(), entry.title(),
                entry.abstractText(), entry.url(), entry.receivedAt(), authors, categories, upvotes);
    }

    /** The contract's title-derived paper id. */
    public static String titleId(String title) {
        String normalized = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "title-" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
