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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by every format, so the same words give the same entry whatever they came in. */
public final class Text {

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)+/\\S*");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(?<=\\S) +(?=[.,;:!?](?:\\s|$))");
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
     * byte-order mark, zero-width or control characters (a NUL would not even fit in a PostgreSQL text column
     * downstream).
     */
    public static String clean(String raw) {
        String text = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (c == '\uFEFF' || c == '\u200B' || c == '\u00AD' || Character.isISOControl(c)) {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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

    public static boolean containsUrl(String text) {
        return URL.matcher(text).find();
    }

    /** Linear in the line's length: a digest may hold a single multi-megabyte line. */
    static String tidyPunctuation(String line) {
        Matcher m = SPACE_BEFORE_PUNCTUATION.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        while (m.find()) {
            String word = line.substring(line.lastIndexOf(' ', m.start() - 1) + 1, m.start());
            if (!URL.matcher(word).matches()) {
                out.append(line, copied, m.start());
                copied = m.end();
            }
        }
        return out.append(line, copied, line.length()).toString();
    }
}
