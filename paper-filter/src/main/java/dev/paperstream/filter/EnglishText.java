package dev.paperstream.filter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Text as PostgreSQL's {@code english} text-search configuration turns it into lexemes, for the words papers are
 * searched by: letters and digits, words joined by hyphens (the whole compound, then each part), English stop words
 * dropped but still counting as a position, words with letters only stemmed by Snowball's English stemmer, words
 * with digits kept as written (lower case). A number after a hyphen ({@code LLaMA-2}) is PostgreSQL's signed integer
 * {@code -2}. Not reproduced: URLs, e-mail addresses, host names and version numbers, which PostgreSQL keeps as one
 * token each; here they split at their dots and slashes.
 */
final class EnglishText {

    /** A lexeme at a 1-based position. */
    record Lexeme(String text, int position) {
    }

    private static final Set<String> STOP_WORDS = stopWords();

    private EnglishText() {
    }

    /** The lexemes of {@code text}, the first word at position {@code offset + 1}. */
    static List<Lexeme> lexemes(String text, int offset) {
        List<Lexeme> lexemes = new ArrayList<>();
        if (text == null) {
            return lexemes;
        }
        EnglishStemmer stemmer = new EnglishStemmer();
        int position = offset;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                if (text.charAt(i) == '-' && bareNumber(text, i + 1)) {
                    int end = digitsEnd(text, i + 1);
                    lexemes.add(new Lexeme(text.substring(i, end), ++position));
                    i = end;
                    continue;
                }
                i++;
                continue;
            }
            List<String> parts = new ArrayList<>();
            int end = i;
            while (true) {
                int partEnd = end;
                while (partEnd < n && Character.isLetterOrDigit(text.charAt(partEnd))) {
                    partEnd++;
                }
                parts.add(text.substring(end, partEnd));
                end = partEnd;
                // a hyphen joins the next part unless that part is a bare number, which PostgreSQL reads as signed
                if (end + 1 < n && text.charAt(end) == '-' && Character.isLetterOrDigit(text.charAt(end + 1))
                        && !bareNumber(text, end + 1)) {
                    end++;
                } else {
                    break;
                }
            }
            if (parts.size() > 1) {
                String compound = String.join("-", parts);
                position++;
                lexemes.add(new Lexeme(normalise(compound, stemmer), position));
            }
            for (String part : parts) {
                position++;
                String lexeme = normalise(part, stemmer);
                if (lexeme != null) {
                    lexemes.add(new Lexeme(lexeme, position));
                }
            }
            i = end;
        }
        return lexemes;
    }

    private static boolean bareNumber(String text, int start) {
        int end = digitsEnd(text, start);
        return end > start && (end == text.length() || !Character.isLetter(text.charAt(end)));
    }

    private static int digitsEnd(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A word's lexeme, or null for a stop word. */
    private static String normalise(String word, EnglishStemmer stemmer) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.chars().anyMatch(Character::isDigit)) {
            return lower;
        }
        if (STOP_WORDS.contains(lower)) {
            return null;
        }
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Set<String> stopWords() {
        try (InputStream in = EnglishText.class.getResourceAsStream("english.stop")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(word -> !word.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("english.stop is part of this module", e);
        }
    }
}
