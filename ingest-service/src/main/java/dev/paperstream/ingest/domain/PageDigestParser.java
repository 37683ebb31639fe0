package dev.paperstream.ingest.domain;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a digest page copied from a daily-papers site ({@code text/plain}). The rule, in words (README, "How the
 * page splitter finds titles"):
 * <ol>
 * <li>Paragraphs are separated by blank lines. A paragraph of several short lines is one hard-wrapped paragraph;
 * a paragraph holding a line too long to be hard-wrapped is a run of one-line paragraphs.</li>
 * <li>Known chrome lines, date lines and lines without a letter are dropped wherever they stand; the first date
 * line gives the digest date.</li>
 * <li>A title is a one-line paragraph of at most {@value #MAX_TITLE_LENGTH} characters, not ending in sentence
 * punctuation ({@code . , ; :}), holding no link, followed by an abstract (everything up to the next title)
 * longer than itself.</li>
 * <li>Paragraphs before the first title are page chrome and dropped.</li>
 * </ol>
 */
public final class PageDigestParser implements DigestParser {

    static final int MAX_TITLE_LENGTH = 300;
    /** Hard-wrapped text never has lines this long; a block holding one is a run of unwrapped lines. */
    static final int MAX_WRAPPED_LINE_LENGTH = 200;
    /** "Thursday, September 14th, 2024" is about the longest date line there is. */
    static final int MAX_DATE_LINE_LENGTH = 40;

    private static final Set<String> CHROME = Set.of(
            "new",
            "get trending papers in your email inbox!",
            "subscribe",
            "byak and the research community",
            "by ak and the research community",
            "daily papers",
            "trending papers",
            "previous",
            "next");
    private static final String MONTH_NAMES = monthNames();
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)(?:[a-z]+,? )?(" + MONTH_NAMES
            + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?i)(?:[a-z]+,? )?(\\d{1,2}) (" + MONTH_NAMES
            + ")\\.?(?:,? (\\d{4}))?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final Charset charset;
    private final Year year;
    private final int maxEntries;

    /**
     * @param year the year of a date line that names none ("Mar 14")
     */
    public PageDigestParser(Charset charset, Year year) {
        this(charset, year, Limits.DEFAULT_MAX_ENTRIES);
    }

    /** @param maxEntries more titles are refused before any entry is built */
    public PageDigestParser(Charset charset, Year year, int maxEntries) {
        this.charset = charset;
        this.year = year;
        this.maxEntries = maxEntries;
    }

    @Override
    public ParsedDigest parse(byte[] body) {
        return parse(Text.decode(body, charset));
    }

    public ParsedDigest parse(String page) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        for (Paragraph paragraph : paragraphs(Text.clean(page))) {
            Optional<LocalDate> dateLine = paragraph.singleLine() && paragraph.text().length() <= MAX_DATE_LINE_LENGTH
                    ? dateLine(paragraph.text()) : Optional.empty();
            if (dateLine.isPresent()) {
                date = date.or(() -> dateLine);
            } else if (!isChrome(paragraph)) {
                paragraphs.add(paragraph);
            }
        }
        return new ParsedDigest(date, Optional.empty(), entries(paragraphs));
    }

    private List<ParsedEntry> entries(List<Paragraph> paragraphs) {
        int n = paragraphs.size();
        boolean[] title = new boolean[n];
        int abstractLength = 0;
        int titles = 0;
        for (int i = n - 1; i >= 0; i--) {
            Paragraph paragraph = paragraphs.get(i);
            title[i] = paragraph.mayBeTitle() && abstractLength > paragraph.text().length();
            abstractLength = title[i] ? 0 : abstractLength + paragraph.text().length();
            titles += title[i] ? 1 : 0;
        }
        Limits.entries(titles, maxEntries);
        List<ParsedEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (title[i]) {
                List<String> abstractParagraphs = new ArrayList<>();
                int next = i + 1;
                while (next < n && !title[next]) {
                    abstractParagraphs.add(paragraphs.get(next++).text());
                }
                String abstractText = String.join("\n\n", abstractParagraphs);
                entries.add(new ParsedEntry(paragraphs.get(i).text(), abstractText, null, null));
                i = next - 1;
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidDigestException("No entry found: a digest page is a title line, a blank line and the "
                    + "abstract paragraph for each paper, papers separated by blank lines.");
        }
        return entries;
    }

    private record Paragraph(String text, boolean singleLine) {

        boolean mayBeTitle() {
            if (!singleLine || text.length() > MAX_TITLE_LENGTH || Text.containsUrl(text)) {
                return false;
            }
            char last = text.charAt(text.length() - 1);
            return last != '.' && last != ',' && last != ';' && last != ':' && last != '\u2026';
        }
    }

    private static List<Paragraph> paragraphs(String page) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : (page + "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                block.add(trimmed);
            } else if (!block.isEmpty()) {
                addBlock(block, paragraphs);
                block.clear();
            }
        }
        return paragraphs;
    }

    private static void addBlock(List<String> block, List<Paragraph> paragraphs) {
        boolean unwrapped = block.stream().anyMatch(line -> line.length() > MAX_WRAPPED_LINE_LENGTH);
        if (block.size() == 1 || unwrapped) {
            block.forEach(line -> paragraphs.add(new Paragraph(Text.joinParagraph(List.of(line)), true)));
        } else {
            paragraphs.add(new Paragraph(Text.joinParagraph(block), false));
        }
    }

    private static boolean isChrome(Paragraph paragraph) {
        return !LETTER.matcher(paragraph.text()).find()
                || paragraph.singleLine() && CHROME.contains(paragraph.text().toLowerCase(Locale.ROOT));
    }

    private Optional<LocalDate> dateLine(String line) {
        String text = line.replace(',', ' ').replaceAll(" +", " ").strip();
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.matches()) {
            return Optional.of(date(line, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3))));
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.matches() && weekdayOrAbsent(text, monthDay.start(1))) {
            return Optional.of(date(line, yearOr(monthDay.group(3)), month(monthDay.group(1)),
                    Integer.parseInt(monthDay.group(2))));
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.matches() && weekdayOrAbsent(text, dayMonth.start(1))) {
            return Optional.of(date(line, yearOr(dayMonth.group(3)), month(dayMonth.group(2)),
                    Integer.parseInt(dayMonth.group(1))));
        }
        return Optional.empty();
    }

    private static boolean weekdayOrAbsent(String text, int dateStart) {
        String prefix = text.substring(0, dateStart).strip();
        return prefix.isEmpty() || WEEKDAY.matcher(prefix).matches();
    }

    private int yearOr(String digits) {
        return digits == null ? year.getValue() : Integer.parseInt(digits);
    }

    private static LocalDate date(String line, int year, int month, int day) {
        try {
            return Limits.date(LocalDate.of(year, month, day), "The date line \"" + line + "\"");
        } catch (DateTimeException e) {
            throw new InvalidDigestException("The date line \"" + line + "\" is not a date (" + e.getMessage() + ").");
        }
    }

    private static int month(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String monthNames() {
        List<String> names = new ArrayList<>();
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            names.add(full);
            names.add(full.substring(0, 3));
        }
        names.add("Sept");
        return String.join("|", names);
    }
}
