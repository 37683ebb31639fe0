package dev.paperstream.ingest.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.ingest.domain.UnplacedLines;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The answer given for an accepted digest; kept so a repeated POST gets the same answer. */
@Entity
@Table(schema = "ingest", name = "digest_receipt")
public class DigestReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "digest_id")
    public String digestId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "digest_date", nullable = false)
    public LocalDate digestDate;

    public String source;

    @Column(nullable = false)
    public int entries;

    @Column(nullable = false)
    public int duplicates;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The lines the splitter could not place, as JSON (a {@code jsonb} column). */
    @Column(nullable = false)
    public String unplaced = "[]";

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<UnplacedLines> unplacedLines() {
        try {
            return JSON.readValue(unplaced, new TypeReference<List<UnplacedLines>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ingest.digest_receipt.unplaced of " + digestId + " is not a list", e);
        }
    }

    public void unplacedLines(List<UnplacedLines> lines) {
        try {
            unplaced = JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of UnplacedLines always serializes", e);
        }
    }
}
