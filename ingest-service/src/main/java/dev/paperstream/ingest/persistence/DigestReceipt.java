package dev.paperstream.ingest.persistence;

import java.time.Instant;
import java.time.LocalDate;

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
}
