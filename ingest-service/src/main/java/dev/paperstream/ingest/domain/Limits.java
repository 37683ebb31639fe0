package dev.paperstream.ingest.domain;

import java.time.LocalDate;

/**
 * What one digest may hold. Fields are measured as sent, before clean-up or normalization could expand them, so the
 * work done on a field is bounded by its limit; dates are held to the years every part of the pipeline (Java, the
 * JSON events, PostgreSQL's {@code date}) reads the same way.
 */
public final class Limits {

    public static final int DEFAULT_MAX_ENTRIES = 5_000;
    public static final int MAX_URL_LENGTH = 2_000;
    public static final int MAX_SOURCE_LENGTH = 100;
    /** {@code https://export.arxiv.org/abs/hep-th/9901001v12.pdf}, the longest spelling, is about 50. */
    public static final int MAX_ARXIV_ID_LENGTH = 100;
    /** A date or timestamp as text: {@code 2024-03-14T09:00:00.000+05:30} and room to spare. */
    public static final int MAX_DATE_LENGTH = 100;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private Limits() {
    }

    /** @throws DigestTooLargeException when there are more than {@code max} entries */
    static void entries(int count, int max) {
        if (count > max) {
            throw DigestTooLargeException.entriesOver(count, max);
        }
    }

    /**
     * The raw field when it is at most {@code max} characters long.
     *
     * @param what names the field in the refusal, e.g. {@code entries[3].title}
     */
    static String field(String raw, int max, String what) {
        if (raw.length() > max) {
            throw new InvalidDigestException(what + " has " + raw.length() + " characters; the limit is " + max + ".");
        }
        return raw;
    }

    /** The date when its year is 1000 to 9999; {@code what} names where it came from. */
    public static LocalDate date(LocalDate date, String what) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new InvalidDigestException(what + " is " + date + ", out of range: dates are accepted from "
                    + EARLIEST_DATE + " to " + LATEST_DATE + ".");
        }
        return date;
    }
}
