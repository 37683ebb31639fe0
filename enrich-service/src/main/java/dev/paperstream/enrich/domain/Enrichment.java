package dev.paperstream.enrich.domain;

import java.util.List;

/** What enrichment found in one paper's text. */
public record Enrichment(List<TopicMatch> topics, List<Link> links, List<Mention> mentions) {

    public Enrichment {
        topics = List.copyOf(topics);
        links = List.copyOf(links);
        mentions = List.copyOf(mentions);
    }
}
