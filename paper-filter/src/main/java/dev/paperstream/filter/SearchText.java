package dev.paperstream.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search text in web-search syntax, read as PostgreSQL's {@code websearch_to_tsquery('english', ...)} reads it:
 * words must all occur, {@code "quoted words"} in that order, {@code -word} or {@code -"words"} must not occur, and
 * {@code or} between two terms lets either do; {@code or} binds looser than the implied "and", so {@code a b or c}
 * is {@code (a and b) or c}. A word that yields several lexemes ({@code fine-tuning}) is itself a phrase. Matched
 * against a paper's title followed by its abstract, as the catalogue's {@code search} column is built.
 */
final class SearchText {

    /** Lexemes that must stand at these offsets from one another. */
    private record Phrase(List<String> lexemes, List<Integer> offsets) {
    }

    private record Term(Phrase phrase, boolean negated) {
    }

    /** Three or more negation signs in a row, with or without spaces between them. */
    private static final Pattern STACKED_NEGATIONS = Pattern.compile("-(?:\\s*+-){2,}+");

    /**
     * The same search with at most two negation signs in a row: PostgreSQL nests one NOT per {@code -} and fails a
     * query of 32 or more ("tsquery stack too small", answered 500), while every two of them cancel out.
     */
    static String withShallowNegations(String text) {
        Matcher run = STACKED_NEGATIONS.matcher(text);
        if (!run.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            long signs = run.group().chars().filter(c -> c == '-').count();
            run.appendReplacement(out, signs % 2 == 1 ? "-" : "--");
        } while (run.find());
        return run.appendTail(out).toString();
    }

    /** Alternatives, each a conjunction of terms. */
    private final List<List<Term>> alternatives;

    private SearchText(List<List<Term>> alternatives) {
        this.alternatives = alternatives;
    }

    static SearchText parse(String text) {
        List<List<Term>> alternatives = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        boolean pendingOr = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                negated = true;
                i++;
                c = text.charAt(i);
            }
            String chunk;
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                chunk = text.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                chunk = text.substring(i, end);
                i = end;
                if (!negated && chunk.equalsIgnoreCase("or")) {
                    pendingOr = !current.isEmpty();
                    continue;
                }
            }
            Phrase phrase = phrase(chunk);
            if (phrase == null) {
                continue;
            }
            if (pendingOr) {
                alternatives.add(current);
                current = new ArrayList<>();
                pendingOr = false;
            }
            current.add(new Term(phrase, negated));
        }
        if (!current.isEmpty()) {
            alternatives.add(current);
        }
        return new SearchText(alternatives);
    }

    /** The chunk's lexemes as a phrase, or null when it has none (only stop words or punctuation). */
    private static Phrase phrase(String chunk) {
        List<EnglishText.Lexeme> lexemes = EnglishText.lexemes(chunk, 0);
        if (lexemes.isEmpty()) {
            return null;
        }
        int first = lexemes.get(0).position();
        return new Phrase(lexemes.stream().map(EnglishText.Lexeme::text).toList(),
                lexemes.stream().map(lexeme -> lexeme.position() - first).toList());
    }

    /**
     * Whether the text matches. A search of stop words only matches nothing, as PostgreSQL's empty query does.
     */
    boolean matches(String title, String abstractText) {
        if (alternatives.isEmpty()) {
            return false;
        }
        Map<String, Set<Integer>> positions = positions(title, abstractText);
        return alternatives.stream().anyMatch(terms -> terms.stream()
                .allMatch(term -> occurs(term.phrase(), positions) != term.negated()));
    }

    /** Title then abstract; like tsvector concatenation, the abstract's positions follow the title's last lexeme. */
    private static Map<String, Set<Integer>> positions(String title, String abstractText) {
        Map<String, Set<Integer>> positions = new HashMap<>();
        List<EnglishText.Lexeme> titleLexemes = EnglishText.lexemes(title, 0);
        int offset = titleLexemes.stream().mapToInt(EnglishText.Lexeme::position).max().orElse(0);
        List<EnglishText.Lexeme> all = new ArrayList<>(titleLexemes);
        all.addAll(EnglishText.lexemes(abstractText, offset));
        for (EnglishText.Lexeme lexeme : all) {
            positions.computeIfAbsent(lexeme.text(), key -> new TreeSet<>()).add(lexeme.position());
        }
        return positions;
    }

    private static boolean occurs(Phrase phrase, Map<String, Set<Integer>> positions) {
        Set<Integer> starts = positions.get(phrase.lexemes().get(0));
        if (starts == null) {
            return false;
        }
        for (int start : starts) {
            boolean all = true;
            for (int k = 1; k < phrase.lexemes().size() && all; k++) {
                Set<Integer> at = positions.get(phrase.lexemes().get(k));
                all = at != null && at.contains(start + phrase.offsets().get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
