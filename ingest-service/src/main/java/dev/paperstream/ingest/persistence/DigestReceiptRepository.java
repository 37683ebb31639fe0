package dev.paperstream.ingest.persistence;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class DigestReceiptRepository implements PanacheRepositoryBase<DigestReceipt, String> {

    /** The receipt of an earlier POST with this key, else of the same digest content. */
    @Transactional
    public Optional<DigestReceipt> findEarlier(String digestId, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            return find("idempotencyKey", idempotencyKey.get()).firstResultOptional();
        }
        return findByIdOptional(digestId);
    }

    /**
     * Stores the receipt unless a concurrent POST of the same digest (or key) stored one first, whose receipt is then
     * returned. Insert-or-nothing in SQL, so losing the race needs no failed transaction.
     */
    @Transactional
    public Optional<DigestReceipt> storeUnlessEarlier(DigestReceipt receipt) {
        EntityManager em = getEntityManager();
        int inserted = em.createNativeQuery("""
                insert into ingest.digest_receipt
                    (digest_id, idempotency_key, digest_date, source, entries, duplicates, received_at, unplaced)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                on conflict do nothing""")
                .setParameter(1, receipt.digestId)
                .setParameter(2, receipt.idempotencyKey)
                .setParameter(3, receipt.digestDate)
                .setParameter(4, receipt.source)
                .setParameter(5, receipt.entries)
                .setParameter(6, receipt.duplicates)
                .setParameter(7, receipt.receivedAt)
                .setParameter(8, receipt.unplaced)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return findEarlier(receipt.digestId, Optional.ofNullable(receipt.idempotencyKey));
    }
}
