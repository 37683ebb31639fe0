package dev.paperstream.filter;

/** Short forms of long texts for listings. */
public final class Snippet {

    public static final int SHORT_ABSTRACT_LENGTH = 280;

    private Snippet() {
    }

    /** {@code text} cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= max) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return collapsed.substring(0, cut).stripTrailing() + "…";
    }
}
