package dev.paperstream.filter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing of single query-parameter values, each refusal naming its parameter. */
public final class Params {

    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    /** {@code raw} as a page size in 1..100, {@code fallback} when absent. */
    public static int limit(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range number
        }
        throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }

    /** An ISO date ({@code 2026-03-14}), or null when absent. */
    public static LocalDate date(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, parameter + " must be a date like 2026-03-14");
        }
        // LocalDate reads years PostgreSQL cannot hold (+6000000-01-01); no digest is dated outside four digits
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw new InvalidParameterException(parameter, parameter + " must be a date from 1000-01-01 to 9999-12-31");
        }
        return date;
    }

    /** {@code true} or {@code false} (any case), or null when absent. */
    public static Boolean bool(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(parameter, parameter + " must be true or false");
        };
    }

    /** Whether PostgreSQL text can hold {@code value}: it cannot hold NUL, so no stored id or name contains one. */
    public static boolean storable(String value) {
        return value.indexOf('\u0000') < 0;
    }

    /** Trimmed free text up to {@code maxLength} characters, or null when absent or blank. */
    public static String text(String parameter, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (!storable(text)) {
            throw new InvalidParameterException(parameter, parameter + " must not contain NUL characters");
        }
        if (text.length() > maxLength) {
            throw new InvalidParameterException(parameter, parameter + " must be at most " + maxLength + " characters");
        }
        return text;
    }
}
