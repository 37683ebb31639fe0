package dev.paperstream.query.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.TopicCount;
import dev.paperstream.query.domain.TrendWindow;
import dev.paperstream.query.domain.TrendingTopics;
import dev.paperstream.query.domain.TrendingTopics.Trend;

/** The taxonomy with paper counts, overall and per time window. */
@ApplicationScoped
public class TopicRepository {

    private final Jdbc jdbc;

    TopicRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<TopicCount> all() {
        Sql sql = new Sql().append("""
                select t.slug, t.name, t.description, coalesce(c.papers, 0) as papers
                from topic t
                left join (select topic_slug, count(*) as papers from paper_topic group by topic_slug) c
                       on c.topic_slug = t.slug
                order by t.slug""");
        return jdbc.list(sql, row -> new TopicCount(row.getString("slug"), row.getString("name"),
                row.getString("description"), row.getLong("papers")));
    }

    /** The slugs among {@code slugs} that name no topic. */
    public List<String> unknown(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql().append("select slug from topic where slug = any(?)", slugs);
        List<String> missing = new ArrayList<>(slugs);
        missing.removeAll(jdbc.list(sql, row -> row.getString("slug")));
        return missing;
    }

    /** The topic's name, empty when there is no such topic. */
    public Optional<String> name(String slug) {
        return jdbc.one(new Sql().append("select name from topic where slug = ?", slug), row -> row.getString("name"));
    }

    /** Papers first seen per topic in {@code window} and the window before it; rising (largest gain) first. */
    public TrendingTopics trending(TrendWindow window) {
        Sql sql = new Sql().append("""
                select t.slug, t.name,
                       count(*) filter (where p.first_seen >= ?) as current,
                       count(*) filter (where p.first_seen < ?) as previous
                from paper p
                join paper_topic pt on pt.paper_id = p.id
                join topic t on t.slug = pt.topic_slug
                where p.first_seen between ? and ?
                group by t.slug, t.name
                order by count(*) filter (where p.first_seen >= ?) - count(*) filter (where p.first_seen < ?) desc,
                         current desc, t.slug""",
                window.start(), window.start(), window.previousStart(), window.end(), window.start(), window.start());
        List<Trend> trends = jdbc.list(sql, row -> {
            long current = row.getLong("current");
            long previous = row.getLong("previous");
            return new Trend(row.getString("slug"), row.getString("name"), current, previous, current - previous);
        });
        return new TrendingTopics(window.label(), window.start(), window.end(), window.previousStart(),
                window.previousEnd(), trends);
    }
}
