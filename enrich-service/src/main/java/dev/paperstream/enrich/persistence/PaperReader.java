package dev.paperstream.enrich.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.paperstream.events.PaperEnrichedV1;

/**
 * Reads stored papers with their topics, links and mentions as the event consumers see them. Events are built
 * from what the transaction stored, so an event never claims more than the catalogue holds.
 */
@ApplicationScoped
public class PaperReader {

    private final EntityManager em;

    public PaperReader(EntityManager em) {
        this.em = em;
    }

    /** The papers with these ids, keyed by id, without a digest reference. */
    public Map<String, PaperEnrichedV1> read(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Array idArray = c.createArrayOf("text", ids.toArray());
            Map<String, List<PaperEnrichedV1.TopicRef>> topics = topics(c, idArray);
            Map<String, List<PaperEnrichedV1.LinkRef>> links = links(c, idArray);
            Map<String, List<PaperEnrichedV1.MentionRef>> mentions = mentions(c, idArray);
            Map<String, PaperEnrichedV1> papers = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select id, arxiv_id, title, abstract, url, first_seen, last_seen, version, updated_at, authors, categories
                    from paper where id = any(?)""")) {
                s.setArray(1, idArray);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString("id");
                        papers.put(id, new PaperEnrichedV1(PaperEnrichedV1.SCHEMA_VERSION, id, rs.getString("arxiv_id"),
                                rs.getString("title"), rs.getString("abstract"), rs.getString("url"), null,
                                topics.getOrDefault(id, List.of()), links.getOrDefault(id, List.of()),
                                mentions.getOrDefault(id, List.of()), rs.getObject("first_seen", LocalDate.class),
                                rs.getObject("last_seen", LocalDate.class), rs.getLong("version"),
                                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                                CatalogWriter.strings(rs, rs.findColumn("authors")),
                                CatalogWriter.strings(rs, rs.findColumn("categories"))));
                    }
                }
            }
            return papers;
        });
    }

    private static Map<String, List<PaperEnrichedV1.TopicRef>> topics(Connection c, Array ids) throws SQLException {
        Map<String, List<PaperEnrichedV1.TopicRef>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select pt.paper_id, pt.topic_slug, t.name, pt.score, pt.evidence
                from paper_topic pt join topic t on t.slug = pt.topic_slug
                where pt.paper_id = any(?) order by pt.paper_id, pt.score desc, pt.topic_slug""")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String[] evidence = (String[]) rs.getArray("evidence").getArray();
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PaperEnrichedV1.TopicRef(
                            rs.getString(2), rs.getString(3), Math.round(rs.getFloat(4) * 1000) / 1000.0,
                            Arrays.asList(evidence)));
                }
            }
        }
        return out;
    }

    private static Map<String, List<PaperEnrichedV1.LinkRef>> links(Connection c, Array ids) throws SQLException {
        Map<String, List<PaperEnrichedV1.LinkRef>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select paper_id, url, kind, target from link where paper_id = any(?) order by paper_id, url")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PaperEnrichedV1.LinkRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static Map<String, List<PaperEnrichedV1.MentionRef>> mentions(Connection c, Array ids) throws SQLException {
        Map<String, List<PaperEnrichedV1.MentionRef>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select paper_id, kind, name, size, text from mention
                where paper_id = any(?) order by paper_id, kind, name, size""")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String size = rs.getString(4);
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PaperEnrichedV1.MentionRef(
                            rs.getString(2), rs.getString(3), size.isEmpty() ? null : size, rs.getString(5)));
                }
            }
        }
        return out;
    }
}
