package dev.paperstream.query.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.PaperDetail;
import dev.paperstream.query.domain.PaperDetail.Appearance;
import dev.paperstream.query.domain.PaperDetail.Mention;
import dev.paperstream.query.domain.PaperDetail.PaperLink;
import dev.paperstream.query.domain.PaperDetail.TopicScore;

/** One paper with everything attached to it: five primary-key range reads. */
@ApplicationScoped
public class PaperDetailRepository {

    private final Jdbc jdbc;

    PaperDetailRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaperDetail> find(String id) {
        Sql paper = new Sql().append("""
                select id, arxiv_id, title, authors, abstract, url, categories, first_seen, last_seen, version, updated_at
                from paper where id = ?""", id);
        return jdbc.one(paper, row -> new PaperDetail(
                        row.getString("id"),
                        row.getString("arxiv_id"),
                        row.getString("title"),
                        Jdbc.strings(row, "authors"),
                        row.getString("abstract"),
                        row.getString("url"),
                        Jdbc.strings(row, "categories"),
                        null,
                        row.getObject("first_seen", LocalDate.class),
                        row.getObject("last_seen", LocalDate.class),
                        row.getLong("version"),
                        row.getObject("updated_at", OffsetDateTime.class),
                        List.of(), List.of(), List.of(), List.of()))
                // the child rows are read once the paper's connection is back in the pool, never two at a time
                .map(found -> {
                    List<Appearance> appearances = appearances(id);
                    return new PaperDetail(found.id(), found.arxivId(), found.title(), found.authors(),
                            found.abstractText(), found.url(), found.categories(), PaperDetail.latestUpvotes(appearances),
                            found.firstSeen(), found.lastSeen(), found.version(), found.updatedAt(), topics(id),
                            links(id), mentions(id), appearances);
                });
    }

    /**
     * The id of the paper with this arXiv id (without version), if the catalogue has one. Should two papers carry
     * it, the one first seen answers, so the answer never changes as papers are added.
     */
    public Optional<String> idOfArxivId(String arxivId) {
        Sql sql = new Sql().append("""
                select id from paper where arxiv_id = ? order by first_seen, id limit 1""", arxivId);
        return jdbc.one(sql, row -> row.getString("id"));
    }

    public boolean exists(String id) {
        return jdbc.one(new Sql().append("select 1 from paper where id = ?", id), row -> true).isPresent();
    }

    private List<TopicScore> topics(String id) {
        Sql sql = new Sql().append("""
                select pt.topic_slug, t.name, pt.score, pt.evidence
                from paper_topic pt join topic t on t.slug = pt.topic_slug
                where pt.paper_id = ? order by pt.score desc, pt.topic_slug""", id);
        return jdbc.list(sql, row -> new TopicScore(row.getString("topic_slug"), row.getString("name"),
                row.getDouble("score"), Jdbc.strings(row, "evidence")));
    }

    private List<PaperLink> links(String id) {
        Sql sql = new Sql().append("select url, kind, target from link where paper_id = ? order by kind, url", id);
        return jdbc.list(sql, row -> new PaperLink(row.getString("url"), row.getString("kind"),
                row.getString("target")));
    }

    private List<Mention> mentions(String id) {
        Sql sql = new Sql().append("""
                select kind, name, size, text from mention where paper_id = ? order by kind, name, size""", id);
        return jdbc.list(sql, row -> new Mention(row.getString("kind"), row.getString("name"), row.getString("size"),
                row.getString("text")));
    }

    private List<Appearance> appearances(String id) {
        Sql sql = new Sql().append("""
                select a.digest_id, d.digest_date, a.position, a.upvotes, a.enriched_at
                from appearance a join digest d on d.id = a.digest_id
                where a.paper_id = ? order by d.digest_date, a.digest_id""", id);
        return jdbc.list(sql, row -> new Appearance(row.getString("digest_id"),
                row.getObject("digest_date", LocalDate.class), row.getInt("position"),
                row.getObject("upvotes", Integer.class), row.getObject("enriched_at", OffsetDateTime.class)));
    }
}
