package dev.paperstream.query.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.RelatedPaper;
import dev.paperstream.query.domain.RelatedPaper.Why;

/**
 * Related papers in one statement. Candidates come from bounded, indexed sources so the cost does not grow with
 * the catalogue: the papers sharing a topic seen just before and just after this one (recency index) and papers
 * naming the same models and benchmarks (mention index). A nearest-title source (trigram KNN on a GiST index) was
 * measured at hundreds of milliseconds on 100,000 papers and dropped; title similarity still scores candidates.
 * Each candidate is scored on three signals:
 * the summed smaller score of each shared topic (up to 1 per topic), 0.5 per shared model or benchmark (a name is
 * specific evidence), and twice the title trigram similarity (unrelated titles stay near 0.1, near-duplicates
 * pass 0.5).
 */
@ApplicationScoped
public class RelatedPaperRepository {

    public static final int RELATED = 10;
    private static final int CANDIDATES_AROUND = 50;
    private static final int MENTION_CANDIDATES = 100;

    private final Jdbc jdbc;

    RelatedPaperRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<RelatedPaper> relatedTo(String id) {
        Sql sql = new Sql().append("""
                with my_topics as (select topic_slug, score from paper_topic where paper_id = ?),
                my_mentions as (select distinct kind, name from mention where paper_id = ?),
                by_topic_before as (
                    select p.id as paper_id from paper p
                    where p.first_seen <= (select first_seen from paper where id = ?) and p.id <> ?
                      and exists (select 1 from paper_topic pt where pt.paper_id = p.id
                                  and pt.topic_slug = any(array(select topic_slug from my_topics)))
                    order by p.first_seen desc, p.id desc
                    limit ?),
                by_topic_after as (
                    select p.id as paper_id from paper p
                    where p.first_seen > (select first_seen from paper where id = ?)
                      and exists (select 1 from paper_topic pt where pt.paper_id = p.id
                                  and pt.topic_slug = any(array(select topic_slug from my_topics)))
                    order by p.first_seen, p.id
                    limit ?),
                by_mention as (
                    select m.paper_id from mention m join my_mentions mm on mm.kind = m.kind and mm.name = m.name
                    where m.paper_id <> ?
                    limit ?),
                candidates as (
                    select paper_id from by_topic_before
                    union select paper_id from by_topic_after
                    union select paper_id from by_mention),
                scored as (
                    select p.id, p.title,
                           array(select pt.topic_slug from paper_topic pt join my_topics mt using (topic_slug)
                                 where pt.paper_id = p.id order by pt.topic_slug) as shared_topics,
                           (select coalesce(sum(least(pt.score, mt.score)), 0) from paper_topic pt
                                   join my_topics mt using (topic_slug) where pt.paper_id = p.id) as topic_score,
                           array(select distinct m.name from mention m
                                 join my_mentions mm on mm.kind = m.kind and mm.name = m.name
                                 where m.paper_id = p.id order by 1) as shared_mentions,
                           similarity(p.title, (select title from paper where id = ?)) as title_similarity
                    from candidates c join paper p on p.id = c.paper_id)
                select id, title, shared_topics, shared_mentions, title_similarity,
                       topic_score + 0.5 * cardinality(shared_mentions) + 2 * title_similarity as score
                from scored
                order by score desc, id
                limit ?""",
                id, id,
                id, id, CANDIDATES_AROUND,
                id, CANDIDATES_AROUND,
                id, MENTION_CANDIDATES,
                id, RELATED);
        return jdbc.list(sql, row -> new RelatedPaper(
                row.getString("id"),
                row.getString("title"),
                Math.round(row.getDouble("score") * 1000) / 1000.0,
                Why.of(Jdbc.strings(row, "shared_topics"), Jdbc.strings(row, "shared_mentions"),
                        row.getDouble("title_similarity"))));
    }
}
