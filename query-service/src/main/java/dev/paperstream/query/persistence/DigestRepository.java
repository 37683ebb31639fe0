package dev.paperstream.query.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.DigestProgress;

/**
 * Digest progress: ingest's receipt (schema {@code ingest}, owned by ingest-service) says how many entries were
 * accepted, the catalogue's appearances how many are enriched. A digest shows up as soon as either side knows it.
 * Where ingest's schema is absent (a catalogue filled by other means) the digest's own entry count stands in.
 */
@ApplicationScoped
public class DigestRepository {

    private static final String WITH_RECEIPTS = """
            select coalesce(r.digest_id, d.id) as id,
                   coalesce(r.digest_date, d.digest_date) as digest_date,
                   coalesce(r.source, d.source) as source,
                   coalesce(r.entries, d.entry_count) as received,
                   (select count(*) from appearance a where a.digest_id = coalesce(r.digest_id, d.id)) as enriched,
                   coalesce(r.received_at, d.received_at) as received_at,
                   d.last_enriched_at
            from ingest.digest_receipt r full join digest d on d.id = r.digest_id""";

    private static final String WITHOUT_RECEIPTS = """
            select d.id, d.digest_date, d.source, d.entry_count as received,
                   (select count(*) from appearance a where a.digest_id = d.id) as enriched,
                   d.received_at, d.last_enriched_at
            from digest d""";

    private final Jdbc jdbc;

    DigestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} digests newest first, after the digest ({@code afterDate}, {@code afterId}) if given. */
    public List<DigestProgress> list(LocalDate afterDate, String afterId, int limit) {
        Sql sql = new Sql().append("select * from (").append(source()).append(") progress");
        if (afterId != null) {
            sql.append("where (digest_date, id) < (?, ?)", afterDate, afterId);
        }
        sql.append("order by digest_date desc, id desc limit ?", limit);
        return jdbc.list(sql, DigestRepository::toProgress);
    }

    public Optional<DigestProgress> find(String id) {
        Sql sql = new Sql().append("select * from (").append(source()).append(") progress where id = ?", id);
        return jdbc.one(sql, DigestRepository::toProgress);
    }

    private String source() {
        boolean receipts = jdbc.one(new Sql().append("select to_regclass('ingest.digest_receipt') is not null as found"),
                row -> row.getBoolean("found")).orElse(false);
        return receipts ? WITH_RECEIPTS : WITHOUT_RECEIPTS;
    }

    private static DigestProgress toProgress(ResultSet row) throws SQLException {
        return DigestProgress.of(row.getString("id"), row.getObject("digest_date", LocalDate.class),
                row.getString("source"), row.getInt("received"), row.getInt("enriched"),
                row.getObject("received_at", OffsetDateTime.class),
                row.getObject("last_enriched_at", OffsetDateTime.class));
    }
}
