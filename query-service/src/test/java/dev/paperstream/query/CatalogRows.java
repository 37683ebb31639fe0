package dev.paperstream.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

/** Writes catalogue rows the way enrich-service and ingest-service would, for tests to read back. */
public final class CatalogRows {

    private final DataSource dataSource;

    public CatalogRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CatalogRows topic(String slug, String name) {
        return execute("insert into topic (slug, name, description) values (?, ?, ?) on conflict (slug) do nothing",
                slug, name, name + " papers");
    }

    public CatalogRows paper(String id, String title, String abstractText, LocalDate firstSeen) {
        return execute("""
                insert into paper (id, arxiv_id, title, abstract, url, first_seen, last_seen, first_digest_id,
                                   first_position)
                values (?, ?, ?, ?, ?, ?, ?, 'd-test', 1) on conflict (id) do nothing""",
                id, id.startsWith("arxiv-") ? id.substring(6) : null, title, abstractText,
                id.startsWith("arxiv-") ? "https://arxiv.org/abs/" + id.substring(6) : null, firstSeen, firstSeen);
    }

    /** Authors and categories as enrich stores them from a digest that carried them. */
    public CatalogRows metadata(String paperId, List<String> authors, List<String> categories) {
        return execute("update paper set authors = ?, authors_seen = first_seen, categories = ?, categories_seen = first_seen"
                + " where id = ?", authors, categories, paperId);
    }

    public CatalogRows paperTopic(String paperId, String slug, double score, String... evidence) {
        return execute("""
                insert into paper_topic (paper_id, topic_slug, score, evidence, first_seen)
                select id, ?, ?, ?, first_seen from paper where id = ?
                on conflict do nothing""", slug, (float) score, List.of(evidence), paperId);
    }

    public CatalogRows link(String paperId, String url, String kind, String target) {
        return execute("insert into link (paper_id, url, kind, target) values (?, ?, ?, ?) on conflict do nothing",
                paperId, url, kind, target);
    }

    public CatalogRows mention(String paperId, String kind, String name, String size, String text) {
        return execute("""
                insert into mention (paper_id, kind, name, size, text) values (?, ?, ?, ?, ?)
                on conflict do nothing""", paperId, kind, name, size, text);
    }

    public CatalogRows digest(String id, LocalDate date, int entryCount) {
        return execute("""
                insert into digest (id, digest_date, source, entry_count) values (?, ?, 'test', ?)
                on conflict do nothing""", id, date, entryCount);
    }

    public CatalogRows appearance(String digestId, String paperId, int position) {
        return appearance(digestId, paperId, position, null);
    }

    public CatalogRows appearance(String digestId, String paperId, int position, Integer upvotes) {
        return execute("""
                insert into appearance (digest_id, paper_id, position, upvotes) values (?, ?, ?, ?)
                on conflict do nothing""", digestId, paperId, position, upvotes);
    }

    public CatalogRows receipt(String digestId, LocalDate date, int entries) {
        return execute("""
                insert into ingest.digest_receipt (digest_id, idempotency_key, digest_date, source, entries, duplicates,
                                                   received_at)
                values (?, ?, ?, 'test', ?, 0, now()) on conflict do nothing""",
                digestId, "key-" + digestId, date, entries);
    }

    public CatalogRows execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.executeUpdate();
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("test data could not be written: " + sql, e);
        }
    }
}
