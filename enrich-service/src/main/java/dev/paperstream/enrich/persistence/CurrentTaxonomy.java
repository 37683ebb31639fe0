package dev.paperstream.enrich.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.paperstream.enrich.domain.Enricher;
import dev.paperstream.enrich.domain.MentionExtractor;
import dev.paperstream.enrich.domain.Topic;
import dev.paperstream.enrich.domain.TopicTagger;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The enricher built from the topics stored in the database. Rebuilt when topics are edited through this
 * service; the tagger is immutable, so a batch in flight keeps the rules it started with.
 */
@ApplicationScoped
public class CurrentTaxonomy {

    private final MentionExtractor mentions = new MentionExtractor(RulesJson.defaultMentions());
    private volatile Enricher enricher;

    public Enricher enricher() {
        Enricher current = enricher;
        if (current == null) {
            synchronized (this) {
                if (enricher == null) {
                    reload();
                }
                current = enricher;
            }
        }
        return current;
    }

    /**
     * Reads the topics again; call after they changed. A stored topic the service cannot use (written by hand in
     * SQL, or by a version that checked less) is left out with an error in the log rather than stopping tagging.
     */
    public synchronized void reload() {
        List<Topic> topics = QuarkusTransaction.joiningExisting().call(() -> TopicEntity.allBySlug().stream()
                .flatMap(row -> row.toUsableTopic().stream()).toList());
        enricher = new Enricher(new TopicTagger(topics), mentions);
    }
}
