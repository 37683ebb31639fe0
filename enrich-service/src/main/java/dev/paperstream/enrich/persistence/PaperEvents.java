package dev.paperstream.enrich.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.paperstream.enrich.domain.Enrichment;
import dev.paperstream.events.PaperEnrichedV1;

/**
 * Builds the event of a freshly stored paper from what was written, in the same order {@link PaperReader} reads it
 * back, so an event published again after a redelivery is the same event.
 */
final class PaperEvents {

    private PaperEvents() {
    }

    static PaperEnrichedV1 of(StoredPaper paper, Enrichment enrichment, Map<String, String> topicNames) {
        List<PaperEnrichedV1.TopicRef> topics = enrichment.topics().stream()
                .filter(t -> topicNames.containsKey(t.slug()))
                .map(t -> new PaperEnrichedV1.TopicRef(t.slug(), topicNames.get(t.slug()), t.score(), t.evidence()))
                .sorted(Comparator.comparingDouble(PaperEnrichedV1.TopicRef::score).reversed()
                        .thenComparing(PaperEnrichedV1.TopicRef::slug))
                .toList();
        List<PaperEnrichedV1.LinkRef> links = enrichment.links().stream()
                .map(l -> new PaperEnrichedV1.LinkRef(l.url(), l.kind().label(), l.target()))
                .sorted(Comparator.comparing(PaperEnrichedV1.LinkRef::url))
                .toList();
        List<PaperEnrichedV1.MentionRef> mentions = enrichment.mentions().stream()
                .map(m -> new PaperEnrichedV1.MentionRef(m.kind(), m.name(), m.size().isEmpty() ? null : m.size(), m.text()))
                .sorted(Comparator.comparing(PaperEnrichedV1.MentionRef::kind).thenComparing(PaperEnrichedV1.MentionRef::name)
                        .thenComparing(m -> m.size() == null ? "" : m.size()))
                .toList();
        return new PaperEnrichedV1(PaperEnrichedV1.SCHEMA_VERSION, paper.id(), paper.arxivId(), paper.title(),
                paper.abstractText(), paper.url(), null, topics, links, mentions, paper.firstSeen(), paper.lastSeen(),
                paper.version(), paper.updatedAt(), paper.authors(), paper.categories());
    }
}
