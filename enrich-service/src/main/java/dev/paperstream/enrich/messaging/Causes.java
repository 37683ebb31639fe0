package dev.paperstream.enrich.messaging;

/** Describing a failure by its innermost cause, which is what says what went wrong. */
final class Causes {

    private Causes() {
    }

    static String root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
