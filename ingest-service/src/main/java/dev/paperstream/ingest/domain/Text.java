package dev.paperstream.ingest.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text clean-up shared by every format, so the same words give the same entry whatever they came in. */
public final class Text {

    /**
     * Unicode's stream-safe limit (UAX #15): more combining marks in a row than this carry no text, and normalizing
     * a long run of them takes time quadratic in its length, so the excess is dropped before NFC.
     */
    static final int MAX_COMBINING_RUN = 30;
    private static final String[] SCHEMES = {"http://", "https://", "www."};
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private Text() {
    }

    /**
     * Decodes {@code body}, refusing malformed input instead of replacing it: a digest with broken bytes was
     * damaged on its way and its sender should know.
     */
    public static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidDigestException("The body is not valid " + charset.name() + ": bad byte sequence at offset "
                    + in.position() + ". Send the digest as " + charset.name() + " text.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Line ends to {@code \n}, every kind of space (tab, no-break, ...) to a plain space, Unicode NFC, and no
     * byte-order mark, zero-width or control characters, no lone surrogate (neither would fit in a PostgreSQL text
     * column downstream, nor a NUL) and no combining mark beyond {@value #MAX_COMBINING_RUN} in a row. Everything
     * is dropped before NFC, so NFC sees only text it normalizes in linear time.
     */
    public static String clean(String raw) {
        if (isClean(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int marks = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > ' ' && c <= '~') {
                // printable ASCII, most of any text, stays as it is
                out.append(c);
                marks = 0;
                continue;
            }
            int codePoint = c;
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1))) {
                    continue;
                }
                codePoint = Character.toCodePoint(c, raw.charAt(++i));
            }
            if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
                marks = 0;
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
                marks = 0;
            } else if (c == '\uFEFF' || c == '\u200B' || c == '\u00AD' || Character.isISOControl(c)) {
                continue;
            } else if (!isMark(codePoint)) {
                out.appendCodePoint(codePoint);
                marks = 0;
            } else if (++marks <= MAX_COMBINING_RUN) {
                out.appendCodePoint(codePoint);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Whether {@link #clean} would return the text unchanged because it holds only line feeds, printable characters
     * below the combining marks (U+0300) and the dashes, quotes and dots of U+2010 to U+2027: no other line end,
     * space, control, mark or surrogate, and nothing NFC changes (none of them decomposes, nor composes with a
     * neighbour). Most digests are such text, and this scan is far cheaper than the full clean-up and NFC.
     */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= ' ' && c <= '~' || c == '\n' || c > '\u00A0' && c < '\u0300' && c != '\u00AD'
                    || c >= '\u2010' && c <= '\u2027')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** One line: every run of white space (line ends included) becomes one space. */
    public static String singleLine(String text) {
        return collapse(clean(text));
    }

    private static String collapse(String cleaned) {
        StringBuilder out = new StringBuilder(cleaned.length());
        boolean space = false;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == '\n' || c == ' ') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Paragraphs separated by blank lines; the lines of a hard-wrapped paragraph joined with a space; a space
     * before punctuation dropped (" ." becomes "."), except after a link, where it keeps the link's end clear.
     */
    public static String paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(clean(text).strip())) {
            String line = tidyPunctuation(collapse(paragraph));
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return String.join("\n\n", out);
    }

    /**
     * Whether the text holds a link: {@code http://}, {@code https://} or {@code www.} followed by more, or a
     * dotted host name followed by a slash ({@code github.com/x}). A hand-written scan, linear in the text: a
     * regular expression would recurse once per dot of a long dotted word and overflow the stack.
     */
    public static boolean containsUrl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (startsWithScheme(text, i) || text.charAt(i) == '/' && hostEndsAt(text, i, false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word (no spaces) is a link as {@link #containsUrl} finds them, from its first character. */
    static boolean isUrl(String word) {
        if (startsWithScheme(word, 0)) {
            return true;
        }
        int slash = 0;
        while (slash < word.length() && isHostChar(word.charAt(slash))) {
            slash++;
        }
        return slash < word.length() && word.charAt(slash) == '/' && isWordChar(word.charAt(0))
                && hostEndsAt(word, slash, true);
    }

    /** {@code http://}, {@code https://} or {@code www.} (ASCII letters in any case) and one more character. */
    private static boolean startsWithScheme(String text, int at) {
        for (String scheme : SCHEMES) {
            int end = at + scheme.length();
            if (end < text.length() && !isSpace(text.charAt(end)) && asciiIgnoringCase(text, at, scheme)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiIgnoringCase(String text, int at, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = text.charAt(at + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the characters before {@code slash} end in a dotted name: labels of letters, digits, {@code _} and
     * {@code -}, at least two, separated by single dots, starting at a word boundary (or at {@code 0} when
     * {@code fromStart}).
     */
    private static boolean hostEndsAt(String text, int slash, boolean fromStart) {
        int start = slash;
        while (start > 0 && isHostChar(text.charAt(start - 1))) {
            start--;
        }
        if (slash == start || text.charAt(slash - 1) == '.') {
            return false;
        }
        int from = start;
        int lastDot = -1;
        for (int i = start; i < slash; i++) {
            if (text.charAt(i) == '.') {
                from = i > start && text.charAt(i - 1) == '.' ? i + 1 : from;
                lastDot = i;
            }
        }
        if (fromStart && from != 0) {
            return false;
        }
        for (int i = from; i < slash; i++) {
            if (text.charAt(i) != '.' && (fromStart || wordBoundaryBefore(text, i))) {
                return lastDot >= i;
            }
        }
        return false;
    }

    /** As a regular expression's {@code \b}: a letter or digit on one side only, a mark counting as its base. */
    private static boolean wordBoundaryBefore(String text, int i) {
        return wordBefore(text, i) != isWord(text.codePointAt(i));
    }

    private static boolean wordBefore(String text, int i) {
        if (i == 0) {
            return false;
        }
        int before = text.codePointBefore(i);
        if (isWord(before)) {
            return true;
        }
        for (int x = i - 1; x >= 0 && Character.getType(text.codePointAt(x)) == Character.NON_SPACING_MARK; x--) {
            if (x > 0 && Character.isLetterOrDigit(text.codePointAt(x - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(int codePoint) {
        return codePoint == '_' || Character.isLetterOrDigit(codePoint);
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (c == '_' || Character.isLetterOrDigit(c));
    }

    private static boolean isHostChar(char c) {
        return isWordChar(c) || c == '-' || c == '.';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Drops the spaces before a {@code . , ; : ! ?} that ends a word, unless the word before them is a link. */
    static String tidyPunctuation(String line) {
        if (!hasSpaceBeforePunctuation(line)) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int wordStart = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != ' ') {
                out.append(c);
                i++;
                continue;
            }
            int spacesEnd = i;
            while (spacesEnd < line.length() && line.charAt(spacesEnd) == ' ') {
                spacesEnd++;
            }
            boolean afterWord = i > 0 && !isSpace(line.charAt(i - 1));
            if (!(afterWord && punctuationEndsAt(line, spacesEnd) && !isUrl(line.substring(wordStart, i)))) {
                out.append(line, i, spacesEnd);
            }
            wordStart = spacesEnd;
            i = spacesEnd;
        }
        return out.toString();
    }

    /** Whether a space stands right before a {@code . , ; : ! ?}: else there is nothing to tidy. */
    private static boolean hasSpaceBeforePunctuation(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i - 1) == ' ' && ".,;:!?".indexOf(line.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean punctuationEndsAt(String line, int at) {
        return at < line.length() && ".,;:!?".indexOf(line.charAt(at)) >= 0
                && (at + 1 == line.length() || isSpace(line.charAt(at + 1)));
    }
}
