package dev.paperstream.query.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paperstream.filter.Params;
import dev.paperstream.filter.InvalidParameterException;

/**
 * A trending window of {@code days} ending on {@code end} (inclusive), compared with the window of the same length
 * just before it.
 */
public record TrendWindow(int days, LocalDate end) {

    public static final int MAX_DAYS = 365;
    private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,2})d");

    /** {@code window} like {@code 7d} (1d..365d, default 7d), ending on {@code asOf} (default {@code today}). */
    public static TrendWindow parse(String window, String asOf, LocalDate today) {
        int days = 7;
        if (window != null && !window.isBlank()) {
            Matcher m = DAYS.matcher(window.strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) > MAX_DAYS) {
                throw new InvalidParameterException("window", "window must be a number of days like 7d, from 1d to "
                        + MAX_DAYS + "d");
            }
            days = Integer.parseInt(m.group(1));
        }
        LocalDate end = Params.date("asOf", asOf);
        return new TrendWindow(days, end == null ? today : end);
    }

    public String label() {
        return days + "d";
    }

    public LocalDate start() {
        return end.minusDays(days - 1L);
    }

    public LocalDate previousEnd() {
        return start().minusDays(1);
    }

    public LocalDate previousStart() {
        return previousEnd().minusDays(days - 1L);
    }
}
