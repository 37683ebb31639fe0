package dev.paperstream.ingest.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a paragraph of a digest page looks like on its own: a paper title, a sentence that lost its final punctuation,
 * or plain abstract text. Only the shape of the text counts (README, "How the page splitter finds titles"); where it
 * stands on the page is {@link PageSplitter}'s business.
 */
enum TitleShape {

    /** One line shaped like a paper title. */
    TITLE,
    /** One line without final punctuation that reads like a sentence of an abstract, not like a title. */
    SENTENCE,
    /** Anything that cannot be a title: several lines, final punctuation, a link, a line cut mid-sentence. */
    PROSE;

    static final int MAX_TITLE_LENGTH = 300;

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S"
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}/"
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|net|io|ai|dev|edu|gov|info|app|site|page)\\b");
    /** Words a title never ends on: a line ending on one is a hard-wrapped line cut mid-sentence. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "nor", "but", "of",
            "for", "to", "in", "on", "at", "by", "with", "from", "as", "that", "than", "into", "onto", "via",
            "which", "whose");
    /** A sentence opened by a connective and a comma ("However, ..."), which no title is. */
    private static final Pattern CONNECTIVE = Pattern.compile("^(?:However|Moreover|Furthermore|Additionally|Finally"
            + "|Therefore|Thus|Hence|Consequently|Specifically|Notably|Importantly|Overall|Instead|Meanwhile"
            + "|Nevertheless|Nonetheless|Besides|Also|And|But|So|Yet|Then|Here|First|Second|Third|Lastly"
            + "|In (?:addition|particular|contrast|summary|this \\w+)|To (?:this end|address \\w+|do so)|As a result"
            + "|For (?:example|instance)|In other words),");
    /** Pronouns of running text; in a sentence-case line they mark a sentence rather than a title. */
    private static final Pattern PROSE_WORDS = Pattern.compile("\\b(?:we|our|us|this|these|those|it|its|they|their)\\b");
    /** "Name: Subtitle", "Question? Subtitle": the label before it. */
    private static final Pattern LABEL_END = Pattern.compile("[:?!] [\\p{L}\\p{N}]");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'\u2019-]*");

    static TitleShape of(String text, boolean singleLine) {
        if (!singleLine || text.isEmpty() || text.length() > MAX_TITLE_LENGTH || endsInPunctuation(text)
                || text.contains("; ") || hasLink(text) || !balanced(text)
                || FUNCTION_WORDS.contains(lastWord(text))
                || !(capitalized(firstWordWithLetter(text)) || labelled(text))) {
            return PROSE;
        }
        if (CONNECTIVE.matcher(text).find()
                || !titleCase(text) && !labelled(text) && PROSE_WORDS.matcher(text).find()) {
            return SENTENCE;
        }
        return TITLE;
    }

    /**
     * Whether {@code text} starts the way an abstract does, with a sentence: its first word (after opening brackets,
     * quotes and LaTeX commands) has a capital or starts with a digit. A line starting lower case continues a
     * sentence begun above it.
     */
    static boolean startsSentence(String text) {
        int i = 0;
        int limit = Math.min(text.length(), 200);
        while (i < limit && !Character.isLetterOrDigit(text.charAt(i))) {
            if (text.charAt(i) == '\\') {
                i++;
                while (i < limit && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        if (i == limit) {
            return false;
        }
        if (Character.isDigit(text.charAt(i))) {
            return true;
        }
        int end = text.indexOf(' ', i);
        return capitalized(text.substring(i, end < 0 ? limit : Math.min(end, limit)));
    }

    /** Every link {@link #LINK} finds holds a {@code .} or {@code ://}; the cheap test spares most titles the search. */
    private static boolean hasLink(String text) {
        return (text.indexOf('.') >= 0 || text.contains("://")) && LINK.matcher(text).find();
    }

    private static boolean endsInPunctuation(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == ',' || last == ';' || last == ':' || last == '\u2026';
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String lastWord(String text) {
        return text.substring(text.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }

    private static String firstWordWithLetter(String text) {
        for (String word : text.split(" ")) {
            if (word.codePoints().anyMatch(Character::isLetter)) {
                return word;
            }
        }
        return "";
    }

    /** A capital or a digit anywhere in the word ("LLM", "mRNA", "zip2zip"), or a script without case. */
    private static boolean capitalized(String word) {
        return word.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isTitleCase(c)
                || Character.isDigit(c) || Character.isLetter(c) && !Character.isLowerCase(c));
    }

    /** At least half the words of four letters or more after the first start with a capital. */
    private static boolean titleCase(String text) {
        Matcher words = WORD.matcher(text);
        int longWords = 0;
        int capitals = 0;
        boolean first = true;
        while (words.find()) {
            if (first) {
                first = false;
            } else if (words.end() - words.start() >= 4) {
                longWords++;
                int c = text.codePointAt(words.start());
                capitals += Character.isLowerCase(c) ? 0 : 1;
            }
        }
        return longWords == 0 || 2 * capitals >= longWords;
    }

    /** "Name: Subtitle" or "Question? Subtitle" whose part before the mark is itself in title case. */
    private static boolean labelled(String text) {
        Matcher end = LABEL_END.matcher(text);
        return end.find() && titleCase(text.substring(0, end.start() + 1));
    }
}
