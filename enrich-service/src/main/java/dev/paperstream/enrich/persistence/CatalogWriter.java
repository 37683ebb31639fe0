package dev.paperstream.enrich.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.enrich.domain.Link;
import dev.paperstream.enrich.domain.Mention;
import dev.paperstream.enrich.domain.TopicMatch;
import dev.paperstream.events.DigestEntryV1;

/**
 * Stores enriched entries as upserts, so a redelivered entry changes nothing: an appearance already stored is
 * skipped whole (no version bump, no digest touch). Each statement covers the whole batch through arrays and
 * {@code unnest}, one round trip per table instead of one per row; computing the search vector of new papers is
 * the remaining cost. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CatalogWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public CatalogWriter(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts the appearances of the entries, which must name each appearance once, and returns the entries whose
     * appearance is new; an entry whose appearance was already stored (a redelivery) is left out and changes
     * nothing. A concurrent transaction inserting the same appearance waits here for this one and then finds it
     * stored, so each appearance is applied once. Rows go in (paper, digest) order, as in every batch.
     */
    public List<EnrichedEntry> insertAppearances(List<EnrichedEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement s = connection.createStatement()) {
                // Plans for "= any(array)" must see the actual arrays: a generic plan cached while the tables were
                // small would keep scanning them whole as they grow.
                s.execute("set local plan_cache_mode = force_custom_plan");
            }
            return insertAppearances(connection, entries);
        });
    }

    /**
     * Stores the papers of entries whose appearance is new, which must name each paper at most once, with their
     * topics, links and mentions, and returns the papers as stored, by id. Papers go in id order, as in every batch.
     */
    public Map<String, StoredPaper> writePapers(List<EnrichedEntry> fresh) {
        if (fresh.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, StoredPaper> papers = upsertPapers(connection, fresh);
            // Topics, links and mentions always describe the stored text: an entry whose text was not kept (a
            // feed's snippet of an abstract a page brought earlier) leaves them as they are.
            List<EnrichedEntry> describing = fresh.stream().filter(e -> papers.get(e.paperId()).holdsTextOf(e)).toList();
            List<String> known = describing.stream().map(EnrichedEntry::paperId)
                    .filter(id -> papers.get(id).version() > 1).toList();
            if (!known.isEmpty()) {
                deleteChildren(connection, known);
            }
            insertTopics(connection, describing);
            insertLinks(connection, describing);
            insertMentions(connection, describing);
            return papers;
        });
    }

    /**
     * Widens the digests of entries whose appearance is new. Last in the transaction, once: concurrent batches of
     * one digest all update its row, and its lock is held until commit.
     */
    public void upsertDigests(List<EnrichedEntry> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> upsertDigests(connection, fresh));
    }

    private List<EnrichedEntry> insertAppearances(Connection c, List<EnrichedEntry> entries) throws SQLException {
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                insert into appearance (digest_id, paper_id, position, upvotes)
                select * from unnest(?::text[], ?::text[], ?::int[], ?::int[]) as u(digest_id, paper_id, position, upvotes)
                order by paper_id, digest_id
                on conflict do nothing
                returning digest_id, paper_id""")) {
            s.setArray(1, texts(c, entries, e -> e.entry().digestId()));
            s.setArray(2, texts(c, entries, EnrichedEntry::paperId));
            s.setArray(3, array(c, "int4", entries.stream().map(e -> e.entry().position()).toArray()));
            s.setArray(4, array(c, "int4", entries.stream().map(e -> e.entry().upvotes()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + "\u0000" + rs.getString(2));
                }
            }
        }
        List<EnrichedEntry> fresh = new ArrayList<>();
        for (EnrichedEntry e : entries) {
            if (inserted.contains(e.appearanceKey())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    private void upsertDigests(Connection c, List<EnrichedEntry> fresh) throws SQLException {
        Map<String, DigestEntryV1> digests = new LinkedHashMap<>();
        fresh.forEach(e -> digests.putIfAbsent(e.entry().digestId(), e.entry()));
        List<DigestEntryV1> rows = new ArrayList<>(digests.values());
        try (PreparedStatement s = c.prepareStatement("""
                insert into digest (id, digest_date, source, entry_count, received_at)
                select * from unnest(?::text[], ?::date[], ?::text[], ?::int[], ?::timestamptz[]) as u(id)
                order by id
                on conflict (id) do update set
                  entry_count = greatest(digest.entry_count, excluded.entry_count),
                  received_at = coalesce(digest.received_at, excluded.received_at),
                  last_enriched_at = now()""")) {
            s.setArray(1, array(c, "text", rows.stream().map(DigestEntryV1::digestId).toArray()));
            s.setArray(2, array(c, "text", rows.stream().map(d -> String.valueOf(d.digestDate())).toArray()));
            s.setArray(3, array(c, "text", rows.stream().map(DigestEntryV1::source).toArray()));
            s.setArray(4, array(c, "int4", rows.stream().map(DigestEntryV1::entryCount).toArray()));
            s.setArray(5, array(c, "text", rows.stream().map(d -> d.receivedAt() == null ? null : d.receivedAt().toString()).toArray()));
            s.executeUpdate();
        }
    }

    /**
     * New papers are inserted; a known paper gains a version and widens its first/last seen dates, and keeps the
     * title and abstract of its earliest appearance, whichever order the digests are processed in. Authors and
     * categories follow the same rule among the appearances that carried them, so an entry without them (a page)
     * never erases them and one with them fills them in. Rows are taken in id order so concurrent batches lock
     * papers in the same order.
     */
    private Map<String, StoredPaper> upsertPapers(Connection c, List<EnrichedEntry> fresh) throws SQLException {
        Map<String, StoredPaper> papers = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                insert into paper (id, arxiv_id, title, abstract, url, first_seen, last_seen, first_digest_id, first_position,
                                   authors, authors_seen, categories, categories_seen)
                select id, arxiv_id, title, abstract, url, seen, seen, digest_id, position,
                       names.authors, case when names.authors is not null then seen end,
                       names.categories, case when names.categories is not null then seen end
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::int[],
                            ?::text[], ?::text[])
                  as u(id, arxiv_id, title, abstract, url, seen, digest_id, position, authors, categories)
                cross join lateral (select
                    case when u.authors is not null then array(
                        select n from jsonb_array_elements_text(u.authors::jsonb) with ordinality as a(n, i) order by i)
                    end as authors,
                    case when u.categories is not null then array(
                        select n from jsonb_array_elements_text(u.categories::jsonb) with ordinality as a(n, i) order by i)
                    end as categories) names
                order by id
                on conflict (id) do update set
                  arxiv_id = coalesce(paper.arxiv_id, excluded.arxiv_id),
                  title = case when excluded.first_seen < paper.first_seen then excluded.title else paper.title end,
                  abstract = case when excluded.first_seen < paper.first_seen
                                  then excluded.abstract else paper.abstract end,
                  url = coalesce(paper.url, excluded.url),
                  first_digest_id = case when excluded.first_seen < paper.first_seen
                                         then excluded.first_digest_id else paper.first_digest_id end,
                  first_position = case when excluded.first_seen < paper.first_seen
                                        then excluded.first_position else paper.first_position end,
                  first_seen = least(paper.first_seen, excluded.first_seen),
                  last_seen = greatest(paper.last_seen, excluded.last_seen),
                  authors = case when excluded.authors_seen < paper.authors_seen or paper.authors_seen is null
                                 then coalesce(excluded.authors, paper.authors) else paper.authors end,
                  authors_seen = case when excluded.authors_seen < paper.authors_seen or paper.authors_seen is null
                                      then coalesce(excluded.authors_seen, paper.authors_seen) else paper.authors_seen end,
                  categories = case when excluded.categories_seen < paper.categories_seen or paper.categories_seen is null
                                    then coalesce(excluded.categories, paper.categories) else paper.categories end,
                  categories_seen = case when excluded.categories_seen < paper.categories_seen
                                              or paper.categories_seen is null
                                         then coalesce(excluded.categories_seen, paper.categories_seen)
                                         else paper.categories_seen end,
                  version = paper.version + 1,
                  updated_at = now()
                returning id, arxiv_id, title, abstract, url, first_seen, last_seen, version, updated_at, authors,
                          categories""")) {
            s.setArray(1, texts(c, fresh, EnrichedEntry::paperId));
            s.setArray(2, texts(c, fresh, e -> e.entry().arxivId()));
            s.setArray(3, texts(c, fresh, e -> e.entry().title()));
            s.setArray(4, texts(c, fresh, e -> e.entry().abstractText()));
            s.setArray(5, texts(c, fresh, e -> e.entry().url()));
            s.setArray(6, texts(c, fresh, e -> String.valueOf(e.entry().digestDate())));
            s.setArray(7, texts(c, fresh, e -> e.entry().digestId()));
            s.setArray(8, array(c, "int4", fresh.stream().map(e -> e.entry().position()).toArray()));
            s.setArray(9, texts(c, fresh, e -> jsonOrNull(e.authors())));
            s.setArray(10, texts(c, fresh, e -> jsonOrNull(e.categories())));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredPaper paper = new StoredPaper(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getLong(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), strings(rs, 10), strings(rs, 11));
                    papers.put(paper.id(), paper);
                }
            }
        }
        return papers;
    }

    /** Topics, links and mentions are recomputed from the text each time, so a known paper's are replaced. */
    private static void deleteChildren(Connection c, List<String> paperIds) throws SQLException {
        Array ids = c.createArrayOf("text", paperIds.toArray());
        for (String table : List.of("paper_topic", "link", "mention")) {
            try (PreparedStatement s = c.prepareStatement("delete from " + table + " where paper_id = any(?)")) {
                s.setArray(1, ids);
                s.executeUpdate();
            }
        }
    }

    static void insertTopics(Connection c, List<EnrichedEntry> fresh) throws SQLException {
        List<Object> paper = new ArrayList<>();
        List<Object> slug = new ArrayList<>();
        List<Object> score = new ArrayList<>();
        List<Object> evidence = new ArrayList<>();
        for (EnrichedEntry e : fresh) {
            for (TopicMatch t : e.enrichment().topics()) {
                paper.add(e.paperId());
                slug.add(t.slug());
                score.add((float) t.score());
                evidence.add(json(t.evidence()));
            }
        }
        insertTopicRows(c, paper, slug, score, evidence);
    }

    /**
     * Rows of topics whose slug no longer exists (deleted meanwhile) are dropped rather than failing the batch. Each
     * row carries its paper's first-seen date, for listings of a topic by recency, so the paper must be stored first.
     */
    static void insertTopicRows(Connection c, List<Object> paper, List<Object> slug, List<Object> score,
            List<Object> evidence) throws SQLException {
        if (paper.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into paper_topic (paper_id, topic_slug, score, evidence, first_seen)
                select u.paper_id, u.slug, u.score, array(select jsonb_array_elements_text(u.evidence::jsonb)),
                       p.first_seen
                from unnest(?::text[], ?::text[], ?::real[], ?::text[]) as u(paper_id, slug, score, evidence)
                join topic t on t.slug = u.slug
                join paper p on p.id = u.paper_id""")) {
            s.setArray(1, array(c, "text", paper.toArray()));
            s.setArray(2, array(c, "text", slug.toArray()));
            s.setArray(3, array(c, "float4", score.toArray()));
            s.setArray(4, array(c, "text", evidence.toArray()));
            s.executeUpdate();
        }
    }

    private static void insertLinks(Connection c, List<EnrichedEntry> fresh) throws SQLException {
        List<Object> paper = new ArrayList<>();
        List<Object> url = new ArrayList<>();
        List<Object> kind = new ArrayList<>();
        List<Object> target = new ArrayList<>();
        for (EnrichedEntry e : fresh) {
            for (Link l : e.enrichment().links()) {
                paper.add(e.paperId());
                url.add(l.url());
                kind.add(l.kind().label());
                target.add(l.target());
            }
        }
        if (paper.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into link (paper_id, url, kind, target)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])""")) {
            s.setArray(1, array(c, "text", paper.toArray()));
            s.setArray(2, array(c, "text", url.toArray()));
            s.setArray(3, array(c, "text", kind.toArray()));
            s.setArray(4, array(c, "text", target.toArray()));
            s.executeUpdate();
        }
    }

    private static void insertMentions(Connection c, List<EnrichedEntry> fresh) throws SQLException {
        List<Object> paper = new ArrayList<>();
        List<Object> kind = new ArrayList<>();
        List<Object> name = new ArrayList<>();
        List<Object> size = new ArrayList<>();
        List<Object> text = new ArrayList<>();
        for (EnrichedEntry e : fresh) {
            for (Mention m : e.enrichment().mentions()) {
                paper.add(e.paperId());
                kind.add(m.kind());
                name.add(m.name());
                size.add(m.size());
                text.add(m.text());
            }
        }
        if (paper.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into mention (paper_id, kind, name, size, text)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")) {
            s.setArray(1, array(c, "text", paper.toArray()));
            s.setArray(2, array(c, "text", kind.toArray()));
            s.setArray(3, array(c, "text", name.toArray()));
            s.setArray(4, array(c, "text", size.toArray()));
            s.setArray(5, array(c, "text", text.toArray()));
            s.executeUpdate();
        }
    }

    private static Array texts(Connection c, List<EnrichedEntry> entries,
            Function<EnrichedEntry, String> field) throws SQLException {
        return array(c, "text", entries.stream().map(field).toArray());
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    private static String jsonOrNull(List<String> values) {
        return values == null ? null : json(values);
    }

    /** A text array column as a list, or null when the column is null. */
    static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
