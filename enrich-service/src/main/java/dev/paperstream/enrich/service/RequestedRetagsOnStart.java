package dev.paperstream.enrich.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.paperstream.enrich.persistence.RetagRequests;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * When the service starts on a catalogue whose default topics a migration has just changed, re-tags the stored papers
 * in the background, so existing papers get the new topics as new versions. A run cut short by a stop is run again at
 * the next start.
 */
@ApplicationScoped
public class RequestedRetagsOnStart {

    private final RetagRequests requests;
    private final Retagging retagging;

    public RequestedRetagsOnStart(RetagRequests requests, Retagging retagging) {
        this.requests = requests;
        this.retagging = retagging;
    }

    void onStart(@Observes StartupEvent start) {
        runPending();
    }

    /** Starts a re-tag when a migration asked for one that has not completed yet. */
    public void runPending() {
        List<Long> pending = requests.pending();
        if (pending.isEmpty()) {
            return;
        }
        retagging.start(() -> requests.done(pending)).ifPresent(p ->
                Log.infof("re-tag %s started for the taxonomy change of migration request(s) %s", p.id(), pending));
    }
}
