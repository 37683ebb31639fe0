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
 * <li>{@link PageSplitter} finds the titles, each followed by its abstract, and names the lines it cannot place.</li>
 * </ol>
 */
public final class PageDigestParser implements DigestParser {

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
    private static final int MAX_CHROME_LENGTH = CHROME.stream().mapToInt(String::length).max().orElseThrow();

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
        List<PageParagraph> paragraphs = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        for (PageParagraph paragraph : paragraphs(Text.clean(page))) {
            Optional<LocalDate> dateLine = paragraph.singleLine() && paragraph.text().length() <= MAX_DATE_LINE_LENGTH
                    ? dateLine(paragraph.text()) : Optional.empty();
            if (dateLine.isPresent()) {
                date = date.or(() -> dateLine);
            } else if (!isChrome(paragraph)) {
                paragraphs.add(paragraph);
            }
        }
        PageSplitter.Split split = PageSplitter.split(paragraphs);
        Limits.entries(split.entries().size(), maxEntries);
        if (split.entries().isEmpty()) {
            throw new InvalidDigestException("No entry found: a digest page is a title line, a blank line and the "
                    + "abstract paragraph for each paper, papers separated by blank lines."
                    + (split.unplaced().isEmpty() ? "" : " No title followed by an abstract in lines "
                            + String.join(", ", split.unplaced().stream().map(UnplacedLines::lines).toList()) + "."));
        }
        return new ParsedDigest(date, Optional.empty(), split.entries(), split.unplaced());
    }

    private static List<PageParagraph> paragraphs(String page) {
        List<PageParagraph> paragraphs = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int lineNumber = 0;
        for (String line : (page + "\n").split("\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                block.add(trimmed);
            } else if (!block.isEmpty()) {
                addBlock(block, lineNumber - block.size(), paragraphs);
                block.clear();
            }
        }
        return paragraphs;
    }

    private static void addBlock(List<String> block, int firstLine, List<PageParagraph> paragraphs) {
        boolean unwrapped = block.stream().anyMatch(line -> line.length() > MAX_WRAPPED_LINE_LENGTH);
        if (block.size() == 1 || unwrapped) {
            for (int i = 0; i < block.size(); i++) {
                paragraphs.add(new PageParagraph(Text.singleLine(block.get(i)), true, firstLine + i,
                        firstLine + i));
            }
        } else {
            paragraphs.add(new PageParagraph(Text.singleLine(String.join(" ", block)), false, firstLine,
                    firstLine + block.size() - 1));
        }
    }

    private static boolean isChrome(PageParagraph paragraph) {
        // lower case is never shorter, so a line longer than every chrome line is not lower-cased to be looked up
        return !hasLetter(paragraph.text()) || paragraph.singleLine()
                && paragraph.text().length() <= MAX_CHROME_LENGTH
                && CHROME.contains(paragraph.text().toLowerCase(Locale.ROOT));
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
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
