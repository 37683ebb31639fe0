package dev.paperstream.enrich.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.TopicMatch;
import dev.paperstream.events.PaperEnrichedV1;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Re-tags stored papers with the current rules, one page per transaction, walking papers in id order. Only papers
 * whose topics actually change get new rows and a new version, so re-tagging twice with the same rules changes
 * nothing the second time.
 */
@ApplicationScoped
public class PaperRetagger {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page's outcome: where to continue, how many papers were looked at, and the changed papers' events. */
    public record Page(String lastId, int papers, List<PaperEnrichedV1> changed) {
    }

    private final EntityManager em;
    private final PaperReader reader;

    public PaperRetagger(EntityManager em, PaperReader reader) {
        this.em = em;
        this.reader = reader;
    }

    public long paperCount() {
        return QuarkusTransaction.joiningExisting().call(() ->
                ((Number) em.createNativeQuery("select count(*) from paper").getSingleResult()).longValue());
    }

    public Page retag(String afterId, int size, Enricher enricher) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> changedIds = new ArrayList<>();
            String[] last = {afterId};
            int[] count = {0};
            em.unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("set local plan_cache_mode = force_custom_plan");
                }
                Map<String, List<TopicMatch>> fresh = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select id, title, abstract from paper where id > ? order by id limit ?")) {
                    s.setString(1, afterId);
                    s.setInt(2, size);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            last[0] = rs.getString(1);
                            count[0]++;
                            fresh.put(rs.getString(1), enricher.topics(rs.getString(2), rs.getString(3)));
                        }
                    }
                }
                Map<String, List<TopicMatch>> stored = storedTopics(c, fresh.keySet());
                for (Map.Entry<String, List<TopicMatch>> paper : fresh.entrySet()) {
                    if (!sameTopics(paper.getValue(), stored.getOrDefault(paper.getKey(), List.of()))) {
                        changedIds.add(paper.getKey());
                    }
                }
                if (!changedIds.isEmpty()) {
                    rewrite(c, changedIds, fresh);
                }
            });
            return new Page(last[0], count[0], new ArrayList<>(reader.read(changedIds).values()));
        });
    }

    private static Map<String, List<TopicMatch>> storedTopics(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<TopicMatch>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select pt.paper_id, pt.topic_slug, pt.score, pt.evidence from paper_topic pt
                where pt.paper_id = any(?) order by pt.paper_id, pt.topic_slug""")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TopicMatch(rs.getString(2),
                            Math.round(rs.getFloat(3) * 1000) / 1000.0, List.of((String[]) rs.getArray(4).getArray())));
                }
            }
        }
        return out;
    }

    private static boolean sameTopics(List<TopicMatch> a, List<TopicMatch> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, TopicMatch> bySlug = new HashMap<>();
        b.forEach(t -> bySlug.put(t.slug(), t));
        for (TopicMatch t : a) {
            TopicMatch other = bySlug.get(t.slug());
            if (other == null || Math.abs(other.score() - t.score()) > 0.0005 || !Objects.equals(other.evidence(), t.evidence())) {
                return false;
            }
        }
        return true;
    }

    private static void rewrite(Connection c, List<String> ids, Map<String, List<TopicMatch>> fresh) throws SQLException {
        // Papers first, in id order, as the consumer's batches lock them before their topic rows: the other way
        // round a batch and a re-tag of the same paper could each hold what the other waits for.
        try (PreparedStatement s = c.prepareStatement(
                "select id from paper where id = any(?) order by id for no key update")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            s.executeQuery().close();
        }
        try (PreparedStatement s = c.prepareStatement("delete from paper_topic where paper_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            s.executeUpdate();
        }
        List<Object> paper = new ArrayList<>();
        List<Object> slug = new ArrayList<>();
        List<Object> score = new ArrayList<>();
        List<Object> evidence = new ArrayList<>();
        for (String id : ids) {
            for (TopicMatch t : fresh.get(id)) {
                paper.add(id);
                slug.add(t.slug());
                score.add((float) t.score());
                evidence.add(json(t.evidence()));
            }
        }
        CatalogWriter.insertTopicRows(c, paper, slug, score, evidence);
        try (PreparedStatement s = c.prepareStatement(
                "update paper set version = version + 1, updated_at = now() where id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            s.executeUpdate();
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
