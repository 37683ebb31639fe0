package dev.paperstream.query.web;

/**
 * The three ways to follow a search that a page offers: its Atom feed, its live stream and a webhook subscription.
 *
 * @param what          what is followed, in words ("papers on peft", "all papers")
 * @param feedHref      the feed of the search, relative to this service
 * @param streamCurl    a command that prints the search's new papers as they are enriched
 * @param subscribeCurl a command that subscribes a webhook to the search at notify-service
 */
public record Follow(String what, String feedHref, String streamCurl, String subscribeCurl) {
}
