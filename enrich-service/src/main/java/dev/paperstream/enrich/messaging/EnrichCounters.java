package dev.paperstream.enrich.messaging;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumer's counters on {@code /q/metrics}: entries enriched (stored and announced), entries dead-lettered by
 * reason, retries of a database call that waited out an outage, and transactions run again after a conflict.
 * Dead-letter reasons are a few fixed words, never the free-text reason of the DLQ header, so the number of series
 * stays bounded.
 */
@ApplicationScoped
public class EnrichCounters {

    static final String ENRICHED = "paperstream.enrich.entries.enriched";
    static final String DEAD_LETTERED = "paperstream.enrich.entries.dead.lettered";
    static final String RETRIED = "paperstream.enrich.retries";
    static final String CONFLICTS = "paperstream.enrich.transaction.conflicts";

    private static final List<String> OWN_REASONS = List.of("timeout", "event-too-large", "event-rejected",
            "enrichment-failed");

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter retried;
    private final Counter conflicts;

    public EnrichCounters(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder(ENRICHED).description("Entries stored and published on papers-enriched")
                .register(registry);
        this.retried = Counter.builder(RETRIED).description("Database calls retried while the database was down")
                .register(registry);
        this.conflicts = Counter.builder(CONFLICTS)
                .description("Transactions run again after PostgreSQL rolled them back for a conflict (deadlock, serialization)")
                .register(registry);
    }

    public void enriched(int entries) {
        enriched.increment(entries);
    }

    public void retried() {
        retried.increment();
    }

    public void conflictRetried() {
        conflicts.increment();
    }

    public void deadLettered(Throwable reason) {
        Counter.builder(DEAD_LETTERED).description("Entries sent to digest-entries-dlq, by reason")
                .tag("reason", reasonOf(reason)).register(registry).increment();
    }

    /**
     * The consumer's own reasons by the word that opens them ({@code timeout}, {@code event-too-large},
     * {@code event-rejected}, {@code enrichment-failed}); otherwise {@code unreadable}: not a JSON entry;
     * {@code invalid}: a JSON entry with fields missing or wrong; {@code unstorable}: the database refused the entry
     * while it was up; {@code enrichment}: enrichment threw.
     */
    static String reasonOf(Throwable reason) {
        String message = String.valueOf(reason.getMessage());
        for (String word : OWN_REASONS) {
            if (message.startsWith(word + ":")) {
                return word;
            }
        }
        if (message.startsWith("could not be stored")) {
            return "unstorable";
        }
        if (causedBy(reason, JsonProcessingException.class)) {
            return "unreadable";
        }
        if (causedBy(reason, PersistenceException.class) || causedBy(reason, SQLException.class)) {
            return "unstorable";
        }
        return reason.getCause() == null ? "invalid" : "enrichment";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
