package dev.paperstream.ingest.resource;

import java.time.Instant;
import java.time.LocalDate;

import dev.paperstream.ingest.persistence.DigestReceipt;

/**
 * The receipt of an accepted digest.
 *
 * @param entries    entries published (each paper once)
 * @param duplicates entries dropped because the digest named the same paper earlier
 */
public record ReceiptResponse(String digestId, LocalDate date, String source, int entries, int duplicates,
        Instant receivedAt) {

    static ReceiptResponse of(DigestReceipt receipt) {
        return new ReceiptResponse(receipt.digestId, receipt.digestDate, receipt.source, receipt.entries,
                receipt.duplicates, receipt.receivedAt);
    }
}
