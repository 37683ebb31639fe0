package dev.paperstream.query.resource;

import java.util.List;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.paperstream.filter.PaperFilter;

/**
 * The filter parameters of GET /papers, for the endpoints that follow any such filter (feed, stream): declared here
 * once so the API document lists them, and read by {@link PaperFilter#parse(java.util.Map)} with /papers' rules.
 */
public class FilterParams {

    @Parameter(description = "Full-text search as people type it: words, \"exact phrases\", -excluded, or",
            example = "\"instruction tuning\" -vision")
    @QueryParam("q")
    String q;

    @Parameter(description = "Topic slug; repeat for papers carrying all of them")
    @QueryParam("topic")
    List<String> topic;

    @Parameter(description = "Model family named in the paper (any case)", example = "LLaMA")
    @QueryParam("model")
    String model;

    @Parameter(description = "Benchmark or dataset named in the paper (any case)", example = "MMLU")
    @QueryParam("benchmark")
    String benchmark;

    @Parameter(description = "true: papers linking code; false: papers without", example = "true")
    @QueryParam("hasCode")
    String hasCode;

    @Parameter(description = "Papers with a link of this kind: code, profile, model, dataset, space, collection, "
            + "organization, paper, project-page, website", example = "dataset")
    @QueryParam("linkKind")
    String linkKind;

    @Parameter(description = "Papers that appeared in this digest", example = "d-2026-03-14")
    @QueryParam("digest")
    String digest;

    @Parameter(description = "Part of an author's name, ignoring case and accents (muller finds Müller)",
            example = "muller")
    @QueryParam("author")
    String author;

    @Parameter(description = "arXiv category, exact", example = "cs.CL")
    @QueryParam("category")
    String category;

    @Parameter(description = "First seen on or after this date", example = "2026-03-01")
    @QueryParam("from")
    String from;

    @Parameter(description = "First seen on or before this date", example = "2026-03-31")
    @QueryParam("to")
    String to;

    @Parameter(description = "relevance (needs q) or recent; feeds and streams are newest first either way",
            example = "recent")
    @QueryParam("sort")
    String sort;

    @Context
    UriInfo uri;

    /** The validated filter; a parameter sent without a value is blank, as on /papers. */
    PaperFilter filter() {
        return PaperFilter.parse(uri.getQueryParameters());
    }
}
