package dev.paperstream.query.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.paperstream.filter.PaperFilter;
import dev.paperstream.query.domain.PaperPosition;
import dev.paperstream.filter.PaperSort;
import dev.paperstream.filter.PaperSummary;
import dev.paperstream.query.domain.SearchPool;
import dev.paperstream.filter.Snippet;

/**
 * Paper listings in one statement per page: filters as {@code exists} probes on the indexed child tables, keyset
 * paging on the sort key, and each row's topics and link kinds gathered by the same statement (no query per
 * paper). Relevance listings rank a bounded {@link SearchPool} of matches.
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

    private static final String COLUMNS = """
            select p.id, p.title, p.authors, p.categories, left(p.abstract, 600) as abstract_start, p.first_seen, p.url,
                   p.updated_at,
                   array(select pt.topic_slug from paper_topic pt where pt.paper_id = p.id
                         order by pt.score desc, pt.topic_slug) as topics,
                   array(select distinct l.kind from link l where l.paper_id = p.id order by 1) as link_kinds""";
    private static final String MATCHES = "p.search @@ websearch_to_tsquery('english', ?)";
    /**
     * One author name contains the text, both folded by the function {@code paperstream_folded_names} indexes
     * ({@code paper_authors_trgm_idx}, enrich's {@code V6}); LIKE's wildcards in the text are escaped.
     */
    private static final String AUTHOR_MATCHES = """
            and paperstream_folded_names(p.authors) like '%' || replace(replace(replace(
                paperstream_folded_names(array[?::text]), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'""";

    private final Jdbc jdbc;
    private final SearchPool pool;

    PaperListingRepository(Jdbc jdbc, @ConfigProperty(name = "paperstream.search.pool-size") int poolSize) {
        this.jdbc = jdbc;
        this.pool = new SearchPool(poolSize);
    }

    /** Whether any paper carries this arXiv category: one probe of {@code paper_categories_idx}. */
    public boolean categoryInUse(String category) {
        Sql sql = new Sql().append("select 1 from paper where categories @> array[?::text] limit 1", category);
        return jdbc.one(sql, row -> true).isPresent();
    }

    /** Up to {@code limit} papers matching {@code filter} after {@code after} (null: from the start). */
    public List<Row> find(PaperFilter filter, PaperPosition after, int limit) {
        return filter.sort() == PaperSort.RECENT ? recent(filter, after, limit) : relevant(filter, after, limit);
    }

    /**
     * Newest first. With a topic the walk runs down that topic's recency index ({@code paper_topic_recent_idx}),
     * which holds each paper's first-seen date, so it reads only the topic's papers; otherwise down the papers'.
     */
    private List<Row> recent(PaperFilter filter, PaperPosition after, int limit) {
        Sql sql = new Sql().append(COLUMNS);
        List<String> topics = filter.topics();
        String seen = "p.first_seen";
        String id = "p.id";
        if (topics.isEmpty()) {
            sql.append("from paper p where true");
        } else {
            sql.append("from paper_topic t0 join paper p on p.id = t0.paper_id where t0.topic_slug = ?", topics.get(0));
            topics = topics.subList(1, topics.size());
            seen = "t0.first_seen";
            id = "t0.paper_id";
        }
        if (dependsOnValues(filter)) {
            sql.planWithValues();
        }
        if (filter.searchText() != null) {
            sql.append("and " + MATCHES, filter.searchText());
        }
        appendFilters(sql, filter, topics);
        if (after != null) {
            sql.append("and (" + seen + ", " + id + ") < (?, ?)", after.firstSeen(), after.id());
        }
        sql.append("order by " + seen + " desc, " + id + " desc limit ?", limit);
        return jdbc.list(sql, row -> {
            PaperSummary paper = summary(row);
            return row(row, paper, PaperPosition.recent(paper.firstSeen(), paper.id()));
        });
    }

    /**
     * One statement, planned with its values (a search text can match a handful of papers or most of them): the pool
     * (newest matches, carrying their text-search vectors as the walk reads them), the ranking of the pooled papers
     * only, and the page. The pool's size and oldest paper come back with each row: a full pool's oldest paper is
     * the floor that later pages keep.
     */
    private List<Row> relevant(PaperFilter filter, PaperPosition after, int limit) {
        Sql sql = new Sql().planWithValues().append("""
                with pool as (
                    select p.id, p.first_seen, p.search from paper p where""" + " " + MATCHES, filter.searchText());
        appendFilters(sql, filter, filter.topics());
        SearchPool.Floor floor = after == null ? null : after.poolFloor();
        if (floor != null) {
            sql.append("and (p.first_seen, p.id) >= (?, ?)", floor.firstSeen(), floor.id());
        }
        sql.append("order by p.first_seen desc, p.id desc");
        if (after == null) {
            sql.append("limit ?", pool.size());
        }
        sql.append("""
                ),
                ranked as (select id, ts_rank(search, websearch_to_tsquery('english', ?)) as rank from pool),
                page as (select id, rank from ranked where true""", filter.searchText());
        if (after != null) {
            sql.append("and (rank < ? or (rank = ? and id > ?))", after.rank(), after.rank(), after.id());
        }
        sql.append("order by rank desc, id limit ?)", limit)
                .append(COLUMNS)
                .append("""
                        , page.rank, pooled.n as pooled, oldest.first_seen as oldest_first_seen, oldest.id as oldest_id
                        from page join paper p on p.id = page.id
                        cross join (select count(*) as n from pool) pooled
                        cross join (select first_seen, id from pool order by first_seen, id limit 1) oldest
                        order by page.rank desc, p.id""");
        return jdbc.list(sql, row -> {
            SearchPool.Floor pageFloor = after != null ? floor : row.getInt("pooled") < pool.size() ? null
                    : new SearchPool.Floor(row.getObject("oldest_first_seen", LocalDate.class), row.getString("oldest_id"));
            PaperSummary paper = summary(row);
            return row(row, paper, PaperPosition.relevance(row.getFloat("rank"), paper.id(), pageFloor));
        });
    }

    /**
     * Whether the best plan depends on the values: a search text, a digest, a model, benchmark or author name, a
     * category or a date range can match a handful of papers or most of them. A topic or code listing walks the recency index either
     * way, so it keeps the cached plan and skips planning.
     */
    private static boolean dependsOnValues(PaperFilter filter) {
        return filter.searchText() != null || filter.digest() != null || filter.model() != null
                || filter.benchmark() != null || filter.linkKind() != null || filter.author() != null
                || filter.category() != null || filter.from() != null || filter.to() != null;
    }

    /** The filter's conditions, with {@code topics} standing for its topics (those the query is not driven by). */
    private static void appendFilters(Sql sql, PaperFilter filter, List<String> topics) {
        for (String topic : topics) {
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
        if (filter.author() != null) {
            sql.append(AUTHOR_MATCHES, filter.author());
        }
        if (filter.category() != null) {
            sql.append("and p.categories @> array[?::text]", filter.category());
        }
        if (filter.from() != null) {
            sql.append("and p.first_seen >= ?", filter.from());
        }
        if (filter.to() != null) {
            sql.append("and p.first_seen <= ?", filter.to());
        }
    }

    private static PaperSummary summary(ResultSet row) throws SQLException {
        return new PaperSummary(
                row.getString("id"),
                row.getString("title"),
                Jdbc.strings(row, "authors"),
                Snippet.shorten(row.getString("abstract_start"), Snippet.SHORT_ABSTRACT_LENGTH),
                Jdbc.strings(row, "topics"),
                Jdbc.strings(row, "categories"),
                Jdbc.strings(row, "link_kinds"),
                row.getObject("first_seen", LocalDate.class));
    }

    private static Row row(ResultSet row, PaperSummary paper, PaperPosition position) throws SQLException {
        return new Row(paper, position, row.getString("url"), row.getObject("updated_at", OffsetDateTime.class),
                row.getString("abstract_start"));
    }
}
