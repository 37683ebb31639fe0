package dev.paperstream.enrich.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text cut into words: maximal runs of letters and digits, kept as character offsets so matching allocates
 * nothing and matches can be quoted from the original text. Everything else (spaces, hyphens, punctuation)
 * separates words.
 */
public final class TextTokens {

    private final String text;
    private int[] starts;
    private int[] ends;
    private int size;

    private TextTokens(String text) {
        this.text = text;
        int capacity = Math.max(8, text.length() / 5);
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    public static TextTokens of(String text) {
        TextTokens tokens = new TextTokens(text == null ? "" : text);
        tokens.split();
        return tokens;
    }

    private void split() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                add(start, i);
            }
        }
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /**
     * The text lower-cased char by char, so offsets in the result are offsets in the text: {@code String.toLowerCase}
     * may change the length ("İ" becomes two chars).
     */
    static String lowerCasePerChar(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** The lower-cased word {@code i}. */
    public String word(int i) {
        return text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT);
    }

    /** The original text from the start of word {@code from} to the end of word {@code to} (inclusive). */
    public String span(int from, int to) {
        return text.substring(starts[from], ends[to]);
    }
}
