package dev.paperstream.query.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.CursorCodec;
import dev.paperstream.query.domain.DigestProgress;
import dev.paperstream.query.domain.Page;
import dev.paperstream.query.persistence.DigestRepository;

/** Digests newest first, a page at a time by cursor: {@code GET /digests} and the web page's digest list. */
@ApplicationScoped
public class DigestListing {

    private static final String FINGERPRINT = "digests";

    private final DigestRepository digests;

    DigestListing(DigestRepository digests) {
        this.digests = digests;
    }

    public Page<DigestProgress> page(String cursor, int size) {
        LocalDate afterDate = null;
        String afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> position = CursorCodec.decode(FINGERPRINT, cursor, 2);
            try {
                afterDate = LocalDate.parse(position.get(0));
            } catch (DateTimeParseException e) {
                throw CursorCodec.malformed();
            }
            afterId = position.get(1);
        }
        List<DigestProgress> rows = digests.list(afterDate, afterId, size + 1);
        String nextCursor = null;
        if (rows.size() > size) {
            DigestProgress last = rows.get(size - 1);
            nextCursor = CursorCodec.encode(FINGERPRINT, List.of(last.date().toString(), last.id()));
        }
        return new Page<>(rows.stream().limit(size).toList(), nextCursor);
    }
}
