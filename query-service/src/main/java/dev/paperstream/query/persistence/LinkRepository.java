package dev.paperstream.query.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.query.domain.LinkTarget;
import dev.paperstream.query.domain.LinkTarget.PaperRef;

/** Link targets ranked by how many papers link them. */
@ApplicationScoped
public class LinkRepository {

    private final Jdbc jdbc;

    LinkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The most linked targets of {@code kind} (all kinds when null). A paper linking one target through several
     * URLs counts once; a link without a recognised target is its own target (its URL).
     */
    public List<LinkTarget> mostLinked(String kind, int limit) {
        Sql sql = new Sql().append("""
                with linked as (
                    select distinct l.kind, coalesce(l.target, l.url) as target, l.paper_id
                    from link l
                    where ?::text is null or l.kind = ?::text
                )
                select linked.kind, linked.target, count(*) as papers,
                       (array_agg(p.id order by p.first_seen desc, p.id desc))[1:?] as paper_ids,
                       (array_agg(p.title order by p.first_seen desc, p.id desc))[1:?] as paper_titles
                from linked join paper p on p.id = linked.paper_id
                group by linked.kind, linked.target
                order by papers desc, linked.kind, linked.target
                limit ?""", kind, kind, LinkTarget.MAX_PAPERS, LinkTarget.MAX_PAPERS, limit);
        return jdbc.list(sql, row -> {
            List<String> ids = Jdbc.strings(row, "paper_ids");
            List<String> titles = Jdbc.strings(row, "paper_titles");
            List<PaperRef> papers = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                papers.add(new PaperRef(ids.get(i), titles.get(i)));
            }
            return new LinkTarget(row.getString("kind"), row.getString("target"), row.getLong("papers"), papers);
        });
    }
}
