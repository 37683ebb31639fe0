package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds base models and benchmarks named in a paper. Model names are normalized to family, version and size, so
 * {@code Llama2-7b}, {@code LLaMA-2 7B} and {@code Llama 2} are all family {@code llama-2} (size {@code 7b} where
 * given). A family name glued to other words ({@code Video-LLaMA}, {@code LLaMAntino}) is a different model and
 * does not count. Each name is tried only where its first word starts a word of the lower-cased text, found in one
 * pass over the text that compares, at each word start, only the names beginning with that character.
 * <p>
 * What follows a model name is read by a hand-written scanner, not a regular expression: a version ({@code 2},
 * {@code -3.1}, {@code v2}, {@code 4o}) unless the number is really a size, qualifiers ({@code -Chat},
 * {@code Instruct}), then a size ({@code 7B}, {@code 8x7b}, {@code 1.5b}). Each step reads forward only, and numbers
 * and qualifier chains are bounded, so a mention costs time proportional to its own length on any text: a regular
 * expression with optional groups and look-aheads over digit runs took quadratic time on {@code llama 1} and
 * sixty thousand digits, and its repeated qualifier group overflowed the stack on {@code llama it it it ...}.
 */
public final class MentionExtractor {

    private static final String[] QUALIFIERS = {"chat", "instruct", "base", "turbo", "hf", "it"};
    private static final String[] LONG_UNITS = {"billion", "million"};
    /** Real names carry one or two qualifiers ({@code GPT-3.5 Turbo Instruct}); more are prose. */
    private static final int MAX_QUALIFIERS = 4;
    /** Versions and sizes are short numbers; a longer run of digits is not one (and would not fit a column). */
    private static final int MAX_NUMBER_DIGITS = 6;

    /** A name to look for: where to search (its first word, lower-cased) and how to confirm it there. */
    private record Probe(String firstWord, String[] parts, boolean caseSensitive, MentionDictionary.ModelFamily family,
                         String benchmark) {
    }

    /** Probes by the first character of their first word, each list in dictionary order. */
    private final Map<Character, List<Probe>> probesByStart = new HashMap<>();

    public MentionExtractor(MentionDictionary dictionary) {
        List<Probe> probes = new ArrayList<>();
        for (MentionDictionary.ModelFamily family : dictionary.models()) {
            for (String alias : family.aliases()) {
                probes.add(new Probe(alias.toLowerCase(Locale.ROOT), new String[] {alias}, family.caseSensitive(),
                        family, null));
            }
        }
        for (MentionDictionary.Benchmark benchmark : dictionary.benchmarks()) {
            for (String alias : benchmark.aliases()) {
                String[] parts = alias.split("[ -]+");
                probes.add(new Probe(parts[0].toLowerCase(Locale.ROOT), parts, benchmark.caseSensitive(), null,
                        benchmark.name()));
            }
        }
        for (Probe probe : probes) {
            probesByStart.computeIfAbsent(probe.firstWord().charAt(0), c -> new ArrayList<>()).add(probe);
        }
    }

    /** The distinct mentions of the texts, in order of first appearance. */
    public List<Mention> extract(String... texts) {
        Map<String, Mention> found = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            String lower = TextTokens.lowerCasePerChar(text);
            // word starts in text order, and at each the names in dictionary order: mentions come in order found
            for (int at = 0; at < lower.length(); at++) {
                if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    continue;
                }
                for (Probe probe : probesByStart.getOrDefault(lower.charAt(at), List.of())) {
                    if (lower.startsWith(probe.firstWord(), at) && !afterWord(text, at)) {
                        Mention mention = probe.benchmark() != null ? benchmark(probe, text, at) : model(probe, text, at);
                        if (mention != null) {
                            found.putIfAbsent(mention.kind() + "|" + mention.name() + "|" + mention.size(), mention);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A benchmark: its words in order, each optionally separated from the next by one space or hyphen. */
    private static Mention benchmark(Probe probe, String text, int at) {
        int p = at;
        for (int i = 0; i < probe.parts().length; i++) {
            String part = probe.parts()[i];
            if (i > 0 && isSeparator(text, p) && matches(text, p + 1, part, probe.caseSensitive())) {
                p++;
            }
            if (!matches(text, p, part, probe.caseSensitive())) {
                return null;
            }
            p += part.length();
        }
        return isLetterOrNumber(text, p) ? null : new Mention(Mention.BENCHMARK, probe.benchmark(), "", text.substring(at, p));
    }

    /** A model: the alias, not followed by a letter, then an optional version, qualifiers and an optional size. */
    private static Mention model(Probe probe, String text, int at) {
        String alias = probe.parts()[0];
        if (!matches(text, at, alias, probe.caseSensitive())) {
            return null;
        }
        int p = at + alias.length();
        if (p < text.length() && Character.isLetter(text.codePointAt(p))) {
            return null;
        }
        int[] version = version(text, p);
        if (probe.family().versionRequired() && version == null) {
            return null;
        }
        p = qualifiers(text, version == null ? p : version[1]);
        int[] size = size(text, p);
        String name = version == null ? probe.family().family()
                : probe.family().family() + "-" + text.substring(version[0], version[1]).toLowerCase(Locale.ROOT);
        String sizeText = size == null ? "" : text.substring(size[0], size[1]).toLowerCase(Locale.ROOT);
        return new Mention(Mention.MODEL, name, sizeText, text.substring(at, size == null ? p : size[1]).trim());
    }

    /**
     * The version after a model name at {@code p} as [start, end), or null: an optional space or hyphen, an optional
     * {@code v}, digits, an optional decimal part and an optional {@code o} ({@code 4o}). The longest reading that
     * is not a size (digits then {@code b}, {@code m}, {@code billion} or {@code million}), not the start of
     * {@code 8x7b} and not followed by more decimals wins; readings are tried longest first, as a greedy reader would.
     */
    private static int[] version(String text, int p) {
        for (int s = isSeparator(text, p) ? p + 1 : p; s >= p; s--) {
            for (int d = s < text.length() && (text.charAt(s) == 'v' || text.charAt(s) == 'V') ? s + 1 : s; d >= s; d--) {
                int[] version = versionAt(text, d);
                if (version != null) {
                    return version;
                }
            }
        }
        return null;
    }

    private static int[] versionAt(String text, int d) {
        int e = digitsEnd(text, d);
        if (e == d || e - d > MAX_NUMBER_DIGITS) {
            return null;
        }
        // every reading that ends inside this run of digits and dots is followed by the same run, so by the same size
        boolean sizeAfterRun = sizeAt(text, numberRunEnd(text, d));
        for (int k = e; k > d; k--) {
            if (k == e && text.startsWith(".", e) && isDigit(text, e + 1)) {
                int f = digitsEnd(text, e + 1);
                if (f - e - 1 <= MAX_NUMBER_DIGITS) {
                    if (isO(text, f) && versionEndsAt(text, f + 1, sizeAt(text, numberRunEnd(text, f + 1)))) {
                        return new int[] {d, f + 1};
                    }
                    for (int j = f; j > e + 1; j--) {
                        if (versionEndsAt(text, j, sizeAfterRun)) {
                            return new int[] {d, j};
                        }
                    }
                }
            }
            if (k == e && isO(text, k) && versionEndsAt(text, k + 1, sizeAt(text, numberRunEnd(text, k + 1)))) {
                return new int[] {d, k + 1};
            }
            if (versionEndsAt(text, k, sizeAfterRun)) {
                return new int[] {d, k};
            }
        }
        return null;
    }

    private static boolean versionEndsAt(String text, int q, boolean sizeFollows) {
        boolean multiplier = q < text.length() && (text.charAt(q) == 'x' || text.charAt(q) == 'X') && isDigit(text, q + 1);
        boolean moreDecimals = text.startsWith(".", q) && isDigit(text, q + 1);
        return !sizeFollows && !multiplier && !moreDecimals;
    }

    /** Whether a size unit starts at {@code r}: an optional space or hyphen, then b, m, billion or million as a word. */
    private static boolean sizeAt(String text, int r) {
        int t = isSeparator(text, r) ? r + 1 : r;
        if (t < text.length() && "bBmM".indexOf(text.charAt(t)) >= 0 && !isLetterOrNumber(text, t + 1)) {
            return true;
        }
        for (String unit : LONG_UNITS) {
            if (text.regionMatches(true, t, unit, 0, unit.length()) && !isLetterOrNumber(text, t + unit.length())) {
                return true;
            }
        }
        return false;
    }

    /** The end of the qualifiers ({@code -Chat}, {@code Instruct}, {@code -hf}) from {@code p}, at most a few. */
    private static int qualifiers(String text, int p) {
        for (int count = 0; count < MAX_QUALIFIERS && isSeparator(text, p); count++) {
            int next = -1;
            for (String qualifier : QUALIFIERS) {
                if (text.regionMatches(true, p + 1, qualifier, 0, qualifier.length())) {
                    next = p + 1 + qualifier.length();
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            p = next;
        }
        return p;
    }

    /** The size at {@code p} as [start, end) without its separator ({@code 7b}, {@code 1.5B}, {@code 8x7b}), or null. */
    private static int[] size(String text, int p) {
        int s = isSeparator(text, p) ? p + 1 : p;
        int e = digitsEnd(text, s);
        if (e == s || e - s > MAX_NUMBER_DIGITS) {
            return null;
        }
        int unit = e;
        if (text.startsWith(".", e) && isDigit(text, e + 1)) {
            unit = digitsEnd(text, e + 1);
            if (unit - e - 1 > MAX_NUMBER_DIGITS) {
                return null;
            }
        }
        if (unit < text.length() && "bBmM".indexOf(text.charAt(unit)) >= 0 && !isLetterOrNumber(text, unit + 1)) {
            return new int[] {s, unit + 1};
        }
        if (e < text.length() && (text.charAt(e) == 'x' || text.charAt(e) == 'X')) {
            int f = digitsEnd(text, e + 1);
            if (f > e + 1 && f - e - 1 <= MAX_NUMBER_DIGITS && f < text.length()
                    && (text.charAt(f) == 'b' || text.charAt(f) == 'B') && !isLetterOrNumber(text, f + 1)) {
                return new int[] {s, f + 1};
            }
        }
        return null;
    }

    /** Whether the word at {@code at} continues a word: right after a letter or number, or after one and a hyphen. */
    private static boolean afterWord(String text, int at) {
        if (at == 0) {
            return false;
        }
        return isLetterOrNumber(text.codePointBefore(at))
                || at >= 2 && text.charAt(at - 1) == '-' && isLetterOrNumber(text.codePointBefore(at - 1));
    }

    private static boolean matches(String text, int at, String word, boolean caseSensitive) {
        return caseSensitive ? text.startsWith(word, at) : text.regionMatches(true, at, word, 0, word.length());
    }

    private static boolean isSeparator(String text, int i) {
        return i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-');
    }

    private static boolean isDigit(String text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean isO(String text, int i) {
        return i < text.length() && (text.charAt(i) == 'o' || text.charAt(i) == 'O');
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (isDigit(text, i)) {
            i++;
        }
        return i;
    }

    /** The end of the run of digits and dots from {@code from}. */
    private static int numberRunEnd(String text, int from) {
        int i = from;
        while (isDigit(text, i) || text.startsWith(".", i)) {
            i++;
        }
        return i;
    }

    private static boolean isLetterOrNumber(String text, int i) {
        return i < text.length() && isLetterOrNumber(text.codePointAt(i));
    }

    private static boolean isLetterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
