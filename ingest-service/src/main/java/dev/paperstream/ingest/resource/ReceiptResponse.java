package dev.paperstream.ingest.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.paperstream.ingest.domain.UnplacedLines;
import dev.paperstream.ingest.persistence.DigestReceipt;

/**
 * The receipt of an accepted digest.
 *
 * @param entries    entries published (each paper once)
 * @param duplicates entries dropped because the digest named the same paper earlier
 * @param unplaced   lines of a page that are in no entry, with why; empty when every line was placed
 */
public record ReceiptResponse(String digestId, LocalDate date, String source, int entries, int duplicates,
        Instant receivedAt,
        @Schema(description = "Lines of a page that are in no entry, each {\"lines\": \"12\" or \"12-14\", "
                + "\"reason\"}: text before the first title, or a title-like line that may end the abstract above "
                + "or start a paper, with what follows it up to the next title. Empty for JSON and Atom.")
        List<UnplacedLines> unplaced) {

    static ReceiptResponse of(DigestReceipt receipt) {
        return new ReceiptResponse(receipt.digestId, receipt.digestDate, receipt.source, receipt.entries,
                receipt.duplicates, receipt.receivedAt, receipt.unplacedLines());
    }
}
