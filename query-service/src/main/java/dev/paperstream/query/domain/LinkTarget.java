package dev.paperstream.query.domain;

import java.util.List;

/**
 * A link target (a repository, a model, a dataset...) with how many papers link it and the newest of them.
 *
 * @param papers up to {@value #MAX_PAPERS} of the linking papers, newest first
 */
public record LinkTarget(String kind, String target, long paperCount, List<PaperRef> papers) {

    public static final int MAX_PAPERS = 5;

    /** A paper named by id and title. */
    public record PaperRef(String id, String title) {
    }
}
