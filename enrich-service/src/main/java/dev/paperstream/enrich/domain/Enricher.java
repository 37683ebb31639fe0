package dev.paperstream.enrich.domain;

import java.util.List;

/**
 * Enriches a paper's title and abstract: topics, links and mentions. URLs are blanked before tagging so words in
 * repository names ({@code .../PAT_Pruning-Aware-Tuning}) are not taken for the paper's own words.
 */
public final class Enricher {

    private final TopicTagger tagger;
    private final LinkExtractor links = new LinkExtractor();
    private final MentionExtractor mentions;

    public Enricher(TopicTagger tagger, MentionExtractor mentions) {
        this.tagger = tagger;
        this.mentions = mentions;
    }

    public TopicTagger tagger() {
        return tagger;
    }

    public Enrichment enrich(String title, String abstractText) {
        List<Link> found = links.extract(title, abstractText);
        String prose = found.isEmpty() ? abstractText : LinkExtractor.blankUrls(abstractText);
        return new Enrichment(tagger.tag(title, prose), found, mentions.extract(title, prose));
    }

    /** Topics only, for re-tagging stored papers. */
    public List<TopicMatch> topics(String title, String abstractText) {
        String prose = abstractText != null && abstractText.contains("://") ? LinkExtractor.blankUrls(abstractText)
                : abstractText;
        return tagger.tag(title, prose);
    }
}
