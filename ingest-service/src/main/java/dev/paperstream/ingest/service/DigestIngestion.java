package dev.paperstream.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.paperstream.http.RolledBack;
import dev.paperstream.ingest.domain.Digest;
import dev.paperstream.ingest.domain.ParsedDigest;
import dev.paperstream.ingest.messaging.DigestEntryPublisher;
import dev.paperstream.ingest.persistence.DigestReceipt;
import dev.paperstream.ingest.persistence.DigestReceiptRepository;
import dev.paperstream.ingest.persistence.PaperAliasRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;

/**
 * Accepts a parsed digest exactly once: an earlier receipt answers a repeat; otherwise every entry is published and
 * acknowledged before the receipt is stored, so no digest is recorded as accepted with an entry missing.
 */
@ApplicationScoped
public class DigestIngestion {

    private final DigestEntryPublisher publisher;
    private final DigestReceiptRepository receipts;
    private final PaperAliasRepository aliases;
    private final TransactionManager transactions;
    private final Clock clock = Clock.systemUTC();

    public DigestIngestion(DigestEntryPublisher publisher, DigestReceiptRepository receipts,
            PaperAliasRepository aliases, TransactionManager transactions) {
        this.publisher = publisher;
        this.receipts = receipts;
        this.aliases = aliases;
        this.transactions = transactions;
    }

    /** What the sender is told: the receipt, and whether this request is the one that created it. */
    public record Outcome(DigestReceipt receipt, boolean created) {
    }

    /**
     * @param date           the date the request names, which wins over one the body names
     * @param source         the source the request names, which wins over one the body names
     * @param defaultSource  the format's source label when neither names one
     * @param idempotencyKey the request's {@code Idempotency-Key}, which decides the digest id when present
     */
    public Outcome ingest(ParsedDigest parsed, Optional<LocalDate> date, Optional<String> source, String defaultSource,
            Optional<String> idempotencyKey) {
        // the receipt store keeps microseconds; millis make the first and a repeated answer identical
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate digestDate = date.or(parsed::date).orElseGet(() -> LocalDate.ofInstant(receivedAt, ZoneOffset.UTC));
        Digest digest = Digest.assemble(parsed, digestDate, source.or(parsed::source).orElse(defaultSource),
                idempotencyKey, aliases.idsOf(parsed.paperAliases()));

        Optional<DigestReceipt> earlier = receipts.findEarlier(digest.id(), idempotencyKey);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        publisher.publish(digest, receivedAt);
        aliases.remember(digest.paperIdsByAlias());
        DigestReceipt receipt = receipt(digest, parsed, idempotencyKey, receivedAt);
        Optional<DigestReceipt> concurrent = receipts.storeUnlessEarlier(receipt);
        Log.infof("Digest %s (%s, %s): %d entries published, %d duplicates dropped, %d spans of lines unplaced",
                digest.id(), digest.source(), digest.date(), digest.entries().size(), digest.duplicates(),
                parsed.unplaced().size());
        return concurrent.map(first -> new Outcome(first, false)).orElseGet(() -> new Outcome(receipt, true));
    }

    /**
     * Runs what {@link #ingest} runs for a new digest, except the send to Kafka, and rolls its writes back: the
     * start-up warm-up's way to load and run that path once before the first user's digest. Nothing is published
     * and nothing stays stored.
     *
     * @return how many records the digest would have published
     */
    public int rehearse(ParsedDigest parsed, LocalDate date, String source) {
        return RolledBack.call(transactions, () -> {
            Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Digest digest = Digest.assemble(parsed, date, source, Optional.empty(), aliases.idsOf(parsed.paperAliases()));
            receipts.findEarlier(digest.id(), Optional.empty());
            int records = publisher.payloads(digest, receivedAt).size();
            aliases.remember(digest.paperIdsByAlias());
            receipts.storeUnlessEarlier(receipt(digest, parsed, Optional.empty(), receivedAt));
            return records;
        });
    }

    private static DigestReceipt receipt(Digest digest, ParsedDigest parsed, Optional<String> idempotencyKey,
            Instant receivedAt) {
        DigestReceipt receipt = new DigestReceipt();
        receipt.digestId = digest.id();
        receipt.idempotencyKey = idempotencyKey.orElse(null);
        receipt.digestDate = digest.date();
        receipt.source = digest.source();
        receipt.entries = digest.entries().size();
        receipt.duplicates = digest.duplicates();
        receipt.receivedAt = receivedAt;
        receipt.unplacedLines(parsed.unplaced());
        return receipt;
    }
}
