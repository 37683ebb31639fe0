package dev.paperstream.query.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.RelatedPaper;
import dev.paperstream.query.domain.RelatedPaper.Why;

/**
 * Related papers in one statement. Candidates come from bounded, indexed sources so the cost does not grow with
 * the catalogue: for each of this paper's topics the 40 papers seen just before it and the 40 just after
 * ({@code paper_topic_recent_idx} range scans; the 40 nearest of each side are kept), and up to 25 papers for each
 * model or benchmark it names, 50 in all (mention index). A nearest-title source (trigram KNN on a GiST index) was
 * measured at hundreds of milliseconds on 100,000 papers and dropped; title similarity still scores candidates.
 * Each candidate is scored on three signals:
 * the summed smaller score of each shared topic (up to 1 per topic), 0.5 per shared model or benchmark (a name is
 * specific evidence), and twice the title trigram similarity (unrelated titles stay near 0.1, near-duplicates
 * pass 0.5).
 * <p>
 * Scoring is set-based: one join over paper_topic and one over mention for all candidates, and one
 * {@code similarity()} call per candidate against this paper's title, read once. At ~10 µs a call similarity is
 * most of what a candidate costs, so there are at most 130 candidates where there were 200 (50 + 50 + 100). On
 * the 100,000-paper benchmark catalogue a call went from 4.2–7.8 ms with a correlated subquery per signal to
 * 2.7–4 ms; the topic walks are range scans of the topic's own recency index, so a paper whose topics are rare
 * costs no more than one whose topics are common.
 * <p>
 * A name's mention rows come in storage order, so every paper naming a popular model gets the same 25: finding the
 * newest papers naming it instead means reading every paper that names it (1.3–2.4 ms per call here, growing with
 * the catalogue), which a recency column on mention would avoid. The limits are written into the text rather than
 * bound so PostgreSQL caches one generic plan: with bound limits it planned every call anew (~1 ms).
 */
@ApplicationScoped
public class RelatedPaperRepository {

    public static final int RELATED = 10;
    private static final int CANDIDATES_AROUND = 40;
    private static final int CANDIDATES_PER_MENTION = 25;
    private static final int MENTION_CANDIDATES = 50;

    private static final String RELATED_SQL = """
            with me as (select id, title, first_seen from paper where id = ?),
            my_topics as (select topic_slug, score from paper_topic where paper_id = ?),
            my_mentions as (select distinct kind, name from mention where paper_id = ?),
            candidates as (
                (select b.paper_id as id from my_topics mt cross join lateral (
                     select pt.paper_id, pt.first_seen from paper_topic pt
                     where pt.topic_slug = mt.topic_slug and (pt.first_seen, pt.paper_id) < (select first_seen, id from me)
                     order by pt.first_seen desc, pt.paper_id desc
                     limit %1$d) b
                 group by b.paper_id, b.first_seen
                 order by b.first_seen desc, b.paper_id desc
                 limit %1$d)
                union
                (select a.paper_id from my_topics mt cross join lateral (
                     select pt.paper_id, pt.first_seen from paper_topic pt
                     where pt.topic_slug = mt.topic_slug and (pt.first_seen, pt.paper_id) > (select first_seen, id from me)
                     order by pt.first_seen, pt.paper_id
                     limit %1$d) a
                 group by a.paper_id, a.first_seen
                 order by a.first_seen, a.paper_id
                 limit %1$d)
                union
                select named.paper_id from my_mentions mm cross join lateral (
                    select m.paper_id from mention m
                    where m.kind = mm.kind and m.name = mm.name and m.paper_id <> ?
                    limit (select least(%2$d, %3$d / count(*)) from my_mentions)) named),
            shared_topics as (
                select pt.paper_id, array_agg(pt.topic_slug order by pt.topic_slug) as topics,
                       sum(least(pt.score, mt.score)) as score
                from candidates c join paper_topic pt on pt.paper_id = c.id join my_topics mt using (topic_slug)
                group by pt.paper_id),
            shared_mentions as (
                select m.paper_id, array_agg(distinct m.name order by m.name) as names
                from candidates c join mention m on m.paper_id = c.id
                where (m.kind, m.name) in (select kind, name from my_mentions)
                group by m.paper_id),
            -- materialized so the sort below reads title_similarity instead of calling similarity() again
            scored as materialized (
                select p.id, p.title, coalesce(st.topics, '{}') as shared_topics,
                       coalesce(st.score, 0) as topic_score, coalesce(sm.names, '{}') as shared_mentions,
                       similarity(p.title, me.title) as title_similarity
                from candidates c join paper p on p.id = c.id cross join me
                left join shared_topics st on st.paper_id = c.id
                left join shared_mentions sm on sm.paper_id = c.id)
            select id, title, shared_topics, shared_mentions, title_similarity,
                   topic_score + 0.5 * cardinality(shared_mentions) + 2 * title_similarity as score
            from scored
            order by score desc, id
            limit %4$d""".formatted(CANDIDATES_AROUND, CANDIDATES_PER_MENTION, MENTION_CANDIDATES, RELATED);

    private final Jdbc jdbc;

    RelatedPaperRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<RelatedPaper> relatedTo(String id) {
        return jdbc.list(new Sql().append(RELATED_SQL, id, id, id, id), row -> new RelatedPaper(
                row.getString("id"),
                row.getString("title"),
                Math.round(row.getDouble("score") * 1000) / 1000.0,
                Why.of(Jdbc.strings(row, "shared_topics"), Jdbc.strings(row, "shared_mentions"),
                        row.getDouble("title_similarity"))));
    }
}
