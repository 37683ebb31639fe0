package dev.paperstream.query.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.PaperFilter;
import dev.paperstream.query.domain.PaperPosition;
import dev.paperstream.query.domain.PaperSort;
import dev.paperstream.query.domain.PaperSummary;
import dev.paperstream.query.domain.Snippet;

/**
 * Paper listings: filters as {@code exists} probes on the indexed child tables, keyset paging on the sort key, and
 * each row's topics and link kinds gathered by the same statement (no query per paper).
 */
@ApplicationScoped
public class PaperListingRepository {

    /**
     * A listed paper with the position it ends a page at, and what feeds show besides: the paper's own URL (may be
     * null), its last change and up to 600 characters of its abstract.
     */
    public record Row(PaperSummary paper, PaperPosition position, String url, OffsetDateTime updatedAt,
                      String abstractStart) {
    }

    private static final String RANK = "ts_rank(p.search, query.q)";

    private final Jdbc jdbc;

    PaperListingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} papers matching {@code filter} after {@code after} (null: from the start). */
    public List<Row> find(PaperFilter filter, PaperPosition after, int limit) {
        boolean search = filter.searchText() != null;
        Sql sql = new Sql().append("""
                select p.id, p.title, left(p.abstract, 600) as abstract_start, p.first_seen, p.url, p.updated_at,
                       array(select pt.topic_slug from paper_topic pt where pt.paper_id = p.id
                             order by pt.score desc, pt.topic_slug) as topics,
                       array(select distinct l.kind from link l where l.paper_id = p.id order by 1) as link_kinds""");
        if (search) {
            sql.append(", " + RANK + " as rank")
                    .append("from paper p, websearch_to_tsquery('english', ?) as query(q)", filter.searchText())
                    .append("where p.search @@ query.q");
        } else {
            sql.append(", null::real as rank").append("from paper p").append("where true");
        }
        for (String topic : filter.topics()) {
            sql.append("and exists (select 1 from paper_topic pt where pt.paper_id = p.id and pt.topic_slug = ?)",
                    topic);
        }
        if (filter.model() != null) {
            sql.append("and exists (select 1 from mention m where m.paper_id = p.id and m.kind = 'model'"
                    + " and lower(m.name) = lower(?))", filter.model());
        }
        if (filter.benchmark() != null) {
            sql.append("and exists (select 1 from mention m where m.paper_id = p.id and m.kind = 'benchmark'"
                    + " and lower(m.name) = lower(?))", filter.benchmark());
        }
        if (filter.hasCode() != null) {
            sql.append((filter.hasCode() ? "and" : "and not")
                    + " exists (select 1 from link l where l.paper_id = p.id and l.kind = 'code')");
        }
        if (filter.linkKind() != null) {
            sql.append("and exists (select 1 from link l where l.paper_id = p.id and l.kind = ?)", filter.linkKind());
        }
        if (filter.digest() != null) {
            sql.append("and exists (select 1 from appearance a where a.digest_id = ? and a.paper_id = p.id)",
                    filter.digest());
        }
        if (filter.from() != null) {
            sql.append("and p.first_seen >= ?", filter.from());
        }
        if (filter.to() != null) {
            sql.append("and p.first_seen <= ?", filter.to());
        }
        if (filter.sort() == PaperSort.RECENT) {
            if (after != null) {
                sql.append("and (p.first_seen, p.id) < (?, ?)", after.firstSeen(), after.id());
            }
            sql.append("order by p.first_seen desc, p.id desc");
        } else {
            if (after != null) {
                sql.append("and (" + RANK + " < ? or (" + RANK + " = ? and p.id > ?))",
                        after.rank(), after.rank(), after.id());
            }
            sql.append("order by rank desc, p.id");
        }
        sql.append("limit ?", limit);
        return jdbc.list(sql, row -> toRow(row, filter.sort()));
    }

    private static Row toRow(ResultSet row, PaperSort sort) throws SQLException {
        String id = row.getString("id");
        String abstractStart = row.getString("abstract_start");
        PaperSummary paper = new PaperSummary(
                id,
                row.getString("title"),
                Snippet.shorten(abstractStart, Snippet.SHORT_ABSTRACT_LENGTH),
                Jdbc.strings(row, "topics"),
                Jdbc.strings(row, "link_kinds"),
                row.getObject("first_seen", LocalDate.class));
        PaperPosition position = sort == PaperSort.RECENT
                ? PaperPosition.recent(paper.firstSeen(), id)
                : PaperPosition.relevance(row.getFloat("rank"), id);
        return new Row(paper, position, row.getString("url"), row.getObject("updated_at", OffsetDateTime.class),
                abstractStart);
    }
}
