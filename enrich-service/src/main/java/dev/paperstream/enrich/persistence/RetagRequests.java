package dev.paperstream.enrich.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Re-tags asked for by taxonomy migrations ({@code retag_request}): a migration cannot run the tagger, so it leaves
 * a request that the service carries out when it starts, and marks done only after the whole run completed.
 */
@ApplicationScoped
public class RetagRequests {

    private final EntityManager em;

    public RetagRequests(EntityManager em) {
        this.em = em;
    }

    public List<Long> pending() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select id from retag_request where done_at is null order by id", Long.class)
                .getResultList());
    }

    public void done(List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update retag_request set done_at = now() where id = any(?1)")
                .setParameter(1, ids.toArray(Long[]::new)).executeUpdate());
    }
}
