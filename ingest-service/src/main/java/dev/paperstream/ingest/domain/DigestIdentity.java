package dev.paperstream.ingest.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Digest ids. Derived from the normalized content, so the same digest sent twice (CRLF or LF, with or without the
 * page chrome) is recognized as one; or from the sender's {@code Idempotency-Key}, which then decides alone.
 */
public final class DigestIdentity {

    private DigestIdentity() {
    }

    public static String fromContent(LocalDate date, List<Entry> entries) {
        StringBuilder content = new StringBuilder(date.toString()).append('\n');
        for (Entry entry : entries) {
            content.append(entry.paperId()).append('\n')
                    .append(entry.title()).append('\n')
                    .append(entry.abstractText()).append('\n');
        }
        return "dg-" + PaperIdentity.sha256Hex(content.toString()).substring(0, 16);
    }

    public static String fromIdempotencyKey(String key) {
        return "dg-" + PaperIdentity.sha256Hex("idempotency-key\n" + key).substring(0, 16);
    }
}
