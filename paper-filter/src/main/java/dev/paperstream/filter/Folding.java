package dev.paperstream.filter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names folded the way the catalogue's {@code paperstream_folded_names} folds them (PostgreSQL's {@code unaccent},
 * then lower case): accents dropped, and the letters unaccent spells out rather than strips.
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> SPELLED = Map.ofEntries(
            Map.entry("ß", "ss"), Map.entry("æ", "ae"), Map.entry("Æ", "AE"), Map.entry("œ", "oe"),
            Map.entry("Œ", "OE"), Map.entry("ø", "o"), Map.entry("Ø", "O"), Map.entry("ł", "l"), Map.entry("Ł", "L"),
            Map.entry("đ", "d"), Map.entry("Đ", "D"), Map.entry("ð", "d"), Map.entry("Ð", "D"), Map.entry("þ", "th"),
            Map.entry("Þ", "TH"), Map.entry("ı", "i"));

    private Folding() {
    }

    static String fold(String text) {
        String spelled = text;
        for (Map.Entry<String, String> letter : SPELLED.entrySet()) {
            spelled = spelled.replace(letter.getKey(), letter.getValue());
        }
        return MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
