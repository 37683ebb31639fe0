package dev.paperstream.query.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.RelatedPaper;
import dev.paperstream.query.domain.RelatedPaper.Why;

/**
 * Related papers in one statement. Candidates come from three bounded, indexed sources (papers sharing the most
 * topic weight, papers naming the same models and benchmarks, nearest titles by trigram distance on the GiST
 * index) so the cost does not grow with the catalogue; each candidate is then scored on all three signals:
 * the summed smaller score of each shared topic (up to 1 per topic), 0.5 per shared model or benchmark (a name is
 * specific evidence), and twice the title trigram similarity (unrelated titles stay near 0.1, near-duplicates
 * pass 0.5).
 */
@ApplicationScoped
public class RelatedPaperRepository {

    public static final int RELATED = 10;
    private static final int CANDIDATES_PER_SOURCE = 200;
    private static final int TITLE_NEIGHBOURS = 50;

    private final Jdbc jdbc;

    RelatedPaperRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<RelatedPaper> relatedTo(String id) {
        Sql sql = new Sql().append("""
                with me as (select id, title from paper where id = ?),
                my_topics as (select topic_slug, score from paper_topic where paper_id = ?),
                my_mentions as (select distinct kind, name from mention where paper_id = ?),
                by_topic as (
                    select pt.paper_id
                    from paper_topic pt join my_topics mt on mt.topic_slug = pt.topic_slug
                    where pt.paper_id <> ?
                    group by pt.paper_id
                    order by sum(least(pt.score, mt.score)) desc, pt.paper_id
                    limit ?),
                by_mention as (
                    select m.paper_id
                    from mention m join my_mentions mm on mm.kind = m.kind and mm.name = m.name
                    where m.paper_id <> ?
                    group by m.paper_id
                    order by count(*) desc, m.paper_id
                    limit ?),
                by_title as (
                    select p.id as paper_id from paper p, me
                    where p.id <> me.id
                    order by p.title <-> me.title
                    limit ?),
                candidates as (
                    select paper_id from by_topic
                    union select paper_id from by_mention
                    union select paper_id from by_title),
                scored as (
                    select p.id, p.title,
                           array(select pt.topic_slug from paper_topic pt join my_topics mt using (topic_slug)
                                 where pt.paper_id = p.id order by pt.topic_slug) as shared_topics,
                           (select coalesce(sum(least(pt.score, mt.score)), 0) from paper_topic pt
                                   join my_topics mt using (topic_slug) where pt.paper_id = p.id) as topic_score,
                           array(select distinct m.name from mention m
                                 join my_mentions mm on mm.kind = m.kind and mm.name = m.name
                                 where m.paper_id = p.id order by 1) as shared_mentions,
                           similarity(p.title, me.title) as title_similarity
                    from candidates c join paper p on p.id = c.paper_id cross join me)
                select id, title, shared_topics, shared_mentions, title_similarity,
                       topic_score + 0.5 * cardinality(shared_mentions) + 2 * title_similarity as score
                from scored
                order by score desc, id
                limit ?""",
                id, id, id, id, CANDIDATES_PER_SOURCE, id, CANDIDATES_PER_SOURCE, TITLE_NEIGHBOURS, RELATED);
        return jdbc.list(sql, row -> new RelatedPaper(
                row.getString("id"),
                row.getString("title"),
                Math.round(row.getDouble("score") * 1000) / 1000.0,
                Why.of(Jdbc.strings(row, "shared_topics"), Jdbc.strings(row, "shared_mentions"),
                        row.getDouble("title_similarity"))));
    }
}
